import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { JsonField } from './JsonField.js';

const meta = {
  component: JsonField,
  render: liveField(JsonField),
  args: fieldArgs('ShowView', 'ViewData', undefined),
} satisfies Meta<typeof JsonField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = {
  args: fieldArgs('UpdateContactData', 'References', { Case: { Value: 'x', Type: 'STRING' } }),
};

export const WithProblem: Story = {
  args: fieldArgs(
    'ShowView',
    'ViewData',
    { Sections: 'not a list' },
    {
      problems: ['PARAM_TYPE: ViewData.Sections must be an array'],
    },
  ),
};
