import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { TextField } from './TextField.js';

const meta = {
  component: TextField,
  render: liveField(TextField),
  args: fieldArgs('UpdateContactData', 'LanguageCode', undefined),
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Filled: Story = { args: fieldArgs('UpdateContactData', 'LanguageCode', 'es-US') };

export const WithReferences: Story = {
  args: fieldArgs(
    'MessageParticipant',
    'Text',
    'Hello $.Attributes.tier customer, you are caller $.ContactId.',
  ),
};

export const Ssml: Story = {
  args: fieldArgs('MessageParticipant', 'SSML', '<speak>Hello <emphasis>there</emphasis>.</speak>'),
};

export const SsmlWithoutSpeak: Story = { args: fieldArgs('MessageParticipant', 'SSML', 'Hello there.') };

export const WithProblem: Story = {
  args: fieldArgs('MessageParticipant', 'Text', '', {
    problems: ['PARAM_ONE_OF_MISSING: Set one of Text, SSML, PromptId or Media'],
  }),
};
