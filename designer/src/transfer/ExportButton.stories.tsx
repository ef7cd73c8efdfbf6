import type { Meta, StoryObj } from '@storybook/react-vite';
import { ApiError } from '../app/api.js';
import { DownloadButton } from './ExportButton.js';

const meta = {
  component: DownloadButton,
  args: {
    label: 'Export',
    fetch: async () => ({ fileName: 'Bank menu.json', text: '{"Version":"2019-10-30"}' }),
  },
} satisfies Meta<typeof DownloadButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Export: Story = {};

export const Refused: Story = {
  args: {
    fetch: async () => {
      throw new ApiError(404, 'PUBLISH_VERSION_UNKNOWN', 'the flow has no version to export');
    },
  },
};
