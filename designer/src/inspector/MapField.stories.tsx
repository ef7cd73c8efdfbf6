import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { MapField } from './MapField.js';

const meta = {
  component: MapField,
  render: liveField(MapField),
  args: fieldArgs('UpdateContactAttributes', 'Attributes', undefined),
} satisfies Meta<typeof MapField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = {
  args: fieldArgs('UpdateContactAttributes', 'Attributes', {
    tier: 'gold',
    caller: '$.CustomerEndpoint.Address',
  }),
};

export const ClosedKeysAtMaximum: Story = {
  args: fieldArgs('UpdateContactEventHooks', 'EventHooks', { CustomerQueue: 'arn:flow' }),
};

export const WithProblem: Story = {
  args: fieldArgs(
    'UpdateContactAttributes',
    'Attributes',
    { tier: '$.Nope.x' },
    {
      problems: ['JSONPATH_UNKNOWN_NAMESPACE: $.Nope is not a namespace of the flow data'],
    },
  ),
};
