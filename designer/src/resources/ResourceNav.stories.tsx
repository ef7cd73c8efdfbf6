import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ResourceNav } from './ResourceNav.js';

const meta = {
  component: ResourceNav,
  args: { instance: 'demo', selected: undefined, navigate: fn() },
} satisfies Meta<typeof ResourceNav>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OnTheFlows: Story = {};

export const OnTheQueues: Story = { args: { selected: 'queues' } };
