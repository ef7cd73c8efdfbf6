import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { NumberField } from './NumberField.js';

const meta = {
  component: NumberField,
  render: liveField(NumberField),
  args: fieldArgs('GetParticipantInput', 'InputTimeLimitSeconds', undefined),
} satisfies Meta<typeof NumberField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = { args: fieldArgs('GetParticipantInput', 'InputTimeLimitSeconds', '5') };

export const OutOfRange: Story = { args: fieldArgs('GetParticipantInput', 'InputTimeLimitSeconds', '0') };

export const NotWhole: Story = { args: fieldArgs('Loop', 'LoopCount', 2.5) };
