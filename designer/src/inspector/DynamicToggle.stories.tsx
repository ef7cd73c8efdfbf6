import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { fieldArgs, liveField } from '../stories/fields.js';
import { DynamicToggle } from './DynamicToggle.js';
import { FieldView } from './FieldView.js';

const LiveFieldView = liveField(FieldView);

const meta = {
  component: DynamicToggle,
  args: { dynamic: false, label: 'Loop count', onChange: fn() },
} satisfies Meta<typeof DynamicToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Static: Story = {};

export const Dynamic: Story = { args: { dynamic: true } };

// The toggle where the inspector puts it: beside a field whose catalog entry allows a JSONPath.
export const InAStaticField: Story = {
  render: () => <LiveFieldView {...fieldArgs('Loop', 'LoopCount', '3')} />,
};

export const InADynamicField: Story = {
  render: () => <LiveFieldView {...fieldArgs('Loop', 'LoopCount', '$.Attributes.n')} />,
};
