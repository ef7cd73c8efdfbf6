import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { BooleanField, EnumField } from './EnumField.js';

const meta = {
  component: EnumField,
  render: liveField(EnumField),
  args: fieldArgs('UpdateContactAttributes', 'TargetContact', undefined),
} satisfies Meta<typeof EnumField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = { args: fieldArgs('UpdateContactAttributes', 'TargetContact', 'Related') };

export const UnknownValue: Story = { args: fieldArgs('UpdateContactAttributes', 'TargetContact', 'Other') };

// BooleanField lives in EnumField.tsx: a select of True and False in the flow's spelling.
export const BooleanEmpty: Story = {
  render: liveField(BooleanField),
  args: fieldArgs('GetParticipantInput', 'StoreInput', undefined),
};

export const BooleanTrue: Story = {
  render: liveField(BooleanField),
  args: fieldArgs('GetParticipantInput', 'StoreInput', 'True'),
};

export const BooleanOdd: Story = {
  render: liveField(BooleanField),
  args: fieldArgs('GetParticipantInput', 'StoreInput', 'yes'),
};
