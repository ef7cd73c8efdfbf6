import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { ObjectField } from './ObjectField.js';

const meta = {
  component: ObjectField,
  render: liveField(ObjectField),
  args: fieldArgs('GetParticipantInput', 'DTMFConfiguration', undefined),
} satisfies Meta<typeof ObjectField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = {
  args: fieldArgs('GetParticipantInput', 'DTMFConfiguration', {
    InterdigitTimeLimitSeconds: '3',
    DisableCancelKey: 'True',
  }),
};

export const OutOfRange: Story = {
  args: fieldArgs('GetParticipantInput', 'DTMFConfiguration', { InterdigitTimeLimitSeconds: '0' }),
};
