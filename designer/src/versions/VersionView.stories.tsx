import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { fn } from 'storybook/test';
import type { Api, FlowSummary } from '../app/api.js';
import { storyVersions } from './story-data.js';
import { VersionLayout } from './VersionView.js';

const { before, after } = storyVersions();
const summary: FlowSummary = {
  id: 'ivr',
  name: 'Inbound IVR',
  type: 'CONTACT_FLOW',
  description: '',
  latestVersion: 2,
  publishedVersion: 1,
};

const meta = {
  component: VersionLayout,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ position: 'relative', height: '100vh' }}>
        <ReactFlowProvider>
          <Story />
        </ReactFlowProvider>
      </div>
    ),
  ],
  args: {
    // Restoring needs a server: here it is refused, to show how a refusal reads.
    api: {
      flowContent: fn(async () => {
        throw new Error('No server in Storybook');
      }),
      flow: fn(async () => summary),
    } as Partial<Api> as Api,
    instance: 'demo',
    flow: 'ivr',
    version: 2,
    navigate: fn(),
    shown: { summary, versions: [2, 1], model: after, diagnostics: [] },
  },
} satisfies Meta<typeof VersionLayout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ReadOnly: Story = {};

export const ComparedWithVersion1: Story = {
  args: { compare: 1, shown: { summary, versions: [2, 1], model: after, diagnostics: [], base: before } },
};

export const PublishedVersion: Story = {
  args: { version: 1, shown: { summary, versions: [2, 1], model: before, diagnostics: [] } },
};
