import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ImportFlowButton } from './ImportFlowButton.js';
import { storyApi } from './story-api.js';

const meta = {
  component: ImportFlowButton,
  args: { api: storyApi, instance: 'demo', flows: [], onImported: fn() },
} satisfies Meta<typeof ImportFlowButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};
