import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { AttributePicker } from './AttributePicker.js';

const meta = {
  component: AttributePicker,
  render: liveField(AttributePicker),
  args: fieldArgs('Compare', 'ComparisonValue', undefined),
} satisfies Meta<typeof AttributePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = { args: fieldArgs('Compare', 'ComparisonValue', '$.Attributes.tier') };

export const NotFlowData: Story = { args: fieldArgs('Compare', 'ComparisonValue', '$.Nope') };

export const NotAPath: Story = { args: fieldArgs('Compare', 'ComparisonValue', 'tier') };
