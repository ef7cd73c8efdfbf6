import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { ListField } from './ListField.js';

const meta = {
  component: ListField,
  render: liveField(ListField),
  args: fieldArgs('UnTagContact', 'TagKeys', undefined),
} satisfies Meta<typeof ListField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = { args: fieldArgs('UnTagContact', 'TagKeys', ['department', 'campaign']) };

export const OfEnums: Story = { args: fieldArgs('Wait', 'Events', ['CustomerReturned']) };
