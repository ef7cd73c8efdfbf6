import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { AgentPanel } from './AgentPanel.js';
import { customer, me, NOW, quickConnects, sampleAgent, thirdParty } from './sample.js';
import { START } from './state.js';
import './agent.css';

const state = (agent = sampleAgent()) => ({ ...START, phase: 'ready' as const, agent, live: true });

const meta = {
  component: AgentPanel,
  args: {
    state: state(),
    quickConnects,
    now: NOW,
    actions: {
      setStatus: fn(),
      accept: fn(),
      reject: fn(),
      clear: fn(),
      participant: fn(),
      transfer: fn(),
      conference: fn(),
      swap: fn(),
      holdAll: fn(),
    },
  },
} satisfies Meta<typeof AgentPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Available: Story = {};
export const Offline: Story = {
  args: { state: { ...state(sampleAgent({ status: 'Offline' })), live: false } },
};
export const Ringing: Story = { args: { state: state(sampleAgent({ contact: 'INCOMING' })) } };
export const OnACall: Story = { args: { state: state(sampleAgent({ contact: 'CONNECTED' })) } };
export const Consulting: Story = {
  args: {
    state: state(
      sampleAgent({
        contact: 'CONNECTED_ONHOLD',
        participants: [{ ...customer, state: 'ON_HOLD' }, me, thirdParty],
      }),
    ),
  },
};
export const AfterContactWork: Story = { args: { state: state(sampleAgent({ contact: 'ENDED' })) } };
export const Missed: Story = { args: { state: state(sampleAgent({ contact: 'MISSED' })) } };
export const Refused: Story = {
  args: {
    state: {
      ...state(sampleAgent({ contact: 'INCOMING' })),
      error: { code: 'AGENT_NOT_ALLOWED', message: 'cannot accept: the offer was withdrawn' },
    },
  },
};
