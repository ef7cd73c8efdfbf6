import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { sampleContext } from '../testcall/sample.js';
import { ReplayPanel } from './ReplayPanel.js';

const FLOW = 'arn:aws:connect:us-east-1:123456789012:instance/demo/contact-flow/sales';
const entry = (Identifier: string, ContactFlowModuleType: string, second: number, Results?: string) => ({
  ContactFlowId: FLOW,
  ContactFlowName: 'Sales line',
  ContactFlowModuleType,
  Identifier,
  Timestamp: `2025-01-01T10:00:0${second}.000Z`,
  Parameters: {},
  ...(Results ? { Results } : {}),
});

const replay = {
  flowArn: FLOW,
  contacts: [
    {
      contactId: '6f1c2d3e-0000-4000-8000-000000000001',
      initialContactId: null,
      initiationTimestamp: '2025-01-01T10:00:00Z',
      disconnectTimestamp: '2025-01-01T10:00:09Z',
    },
  ],
  refresh: fn(),
  contactId: undefined as string | undefined,
  pick: fn(),
  entries: [] as ReturnType<typeof entry>[],
  index: 0,
  go: fn(),
  playing: false,
  setPlaying: fn(),
  error: undefined,
};

const meta = {
  component: ReplayPanel,
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  args: { context: { ...sampleContext(), setOverlay: fn(), focusBlock: fn() }, replay },
} satisfies Meta<typeof ReplayPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PickAContact: Story = {};
export const SteppingThrough: Story = {
  args: {
    replay: {
      ...replay,
      contactId: replay.contacts[0]?.contactId,
      entries: [
        entry('menu', 'GetUserInput', 1, '1'),
        entry('sales', 'PlayPrompt', 4),
        entry('bye', 'Disconnect', 8),
      ],
      index: 1,
    },
  },
};
