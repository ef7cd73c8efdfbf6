import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { ReadOnlyCanvas } from './ReadOnlyCanvas.js';
import { storyComparison, storyVersions } from './story-data.js';

const { after } = storyVersions();

const meta = {
  component: ReadOnlyCanvas,
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
  args: { model: after, diagnostics: [], status: 'version 2, read-only' },
} satisfies Meta<typeof ReadOnlyCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ReadOnly: Story = {};

/** Version 2 coloured by its changes since version 1, the removed block a ghost. */
export const Compared: Story = { args: { overlay: storyComparison().overlay } };
