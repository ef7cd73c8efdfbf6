import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { FlowListActions } from './FlowListActions.js';
import { storyApi } from './story-api.js';

const meta = {
  component: FlowListActions,
  args: { api: storyApi, instance: 'demo', flows: [], onImported: fn() },
} satisfies Meta<typeof FlowListActions>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ByTheFlowsList: Story = {};
