import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ParticipantRow } from './ParticipantRow.js';
import { customer, dialling, me, otherAgent, thirdParty } from './sample.js';
import './agent.css';

const meta = {
  component: ParticipantRow,
  args: { participant: customer, disabled: false, onOp: fn() },
  decorators: [(Story) => <ul className="agent-participants">{Story()}</ul>],
} satisfies Meta<typeof ParticipantRow>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Customer: Story = {};
export const CustomerOnHold: Story = { args: { participant: { ...customer, state: 'ON_HOLD' } } };
export const CustomerMuted: Story = { args: { participant: { ...customer, muted: true } } };
export const ThirdPartyMuted: Story = { args: { participant: { ...thirdParty, muted: true } } };
export const OtherAgentMuted: Story = { args: { participant: { ...otherAgent, muted: true } } };
export const YouMuted: Story = { args: { participant: { ...me, muted: true } } };
export const YouOnHold: Story = { args: { participant: { ...me, state: 'ON_HOLD' } } };
export const Dialling: Story = { args: { participant: dialling } };
