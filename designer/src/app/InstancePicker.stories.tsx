import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { InstancePicker } from './InstancePicker.js';

const instance = (id: string, alias: string) => ({
  id,
  alias,
  arn: `arn:aws:connect:us-east-1:123456789012:instance/${id}`,
});

const meta = {
  component: InstancePicker,
  args: {
    instances: [instance('i-1', 'demo'), instance('i-2', 'support'), instance('i-3', 'sales-emea')],
    selected: undefined,
    onSelect: fn(),
  },
} satisfies Meta<typeof InstancePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NoneChosen: Story = {};

export const Chosen: Story = { args: { selected: 'support' } };

export const NoInstances: Story = { args: { instances: [] } };
