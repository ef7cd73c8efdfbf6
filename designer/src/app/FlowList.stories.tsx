import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { FlowSummary } from './api.js';
import { FlowList } from './FlowList.js';
import './app.css';

const flow = (id: string, name: string, type: string, over: Partial<FlowSummary> = {}): FlowSummary => ({
  id,
  name,
  type,
  description: '',
  latestVersion: 1,
  publishedVersion: null,
  ...over,
});

const meta = {
  component: FlowList,
  decorators: [
    (Story) => (
      <div style={{ width: 280 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    flows: [
      flow('f1', 'Main IVR', 'CONTACT_FLOW', { latestVersion: 7, publishedVersion: 6 }),
      flow('f2', 'After hours', 'CONTACT_FLOW', { latestVersion: 2 }),
      flow('f3', 'Authenticate caller', 'MODULE', { description: 'Asks for a PIN' }),
      flow('f4', 'Hold music', 'CUSTOMER_HOLD', { latestVersion: 3, publishedVersion: 3 }),
      flow('f5', 'Whisper to agent', 'AGENT_WHISPER'),
    ],
    selected: undefined,
    onOpen: fn(),
  },
} satisfies Meta<typeof FlowList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Flows: Story = {};

export const OneOpen: Story = { args: { selected: 'f1' } };

export const Empty: Story = { args: { flows: [] } };
