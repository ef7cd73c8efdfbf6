import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { IDLE } from './messages.js';
import { SAMPLE_CALL, sampleContext } from './sample.js';
import { TestCallPanel } from './TestCallPanel.js';

const controls = {
  view: IDLE,
  call: fn(),
  dtmf: fn(),
  say: fn(),
  hangup: fn(),
  clear: fn(),
  audio: new Map<string, string>(),
  available: true,
};

const meta = {
  component: TestCallPanel,
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  args: { context: { ...sampleContext(), setOverlay: fn(), focusBlock: fn() }, controls },
} satisfies Meta<typeof TestCallPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BeforeTheCall: Story = {};
export const InCall: Story = { args: { controls: { ...controls, view: SAMPLE_CALL } } };
export const Ended: Story = {
  args: {
    controls: {
      ...controls,
      view: { ...SAMPLE_CALL, state: 'ended', reason: 'hung up', durationMs: 42_000 },
    },
  },
};
export const RefusedDraft: Story = {
  args: {
    controls: {
      ...controls,
      view: {
        ...IDLE,
        error: 'the draft has 1 problem(s)',
        problems: [
          {
            code: 'TRANSITION_TARGET_DANGLING',
            severity: 'error',
            message: '"menu" goes to "nowhere", which is not an action of this flow',
            actionId: 'menu',
          },
        ],
      },
    },
  },
};
