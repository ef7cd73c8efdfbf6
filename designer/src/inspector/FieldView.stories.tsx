import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { storyFlow } from '../stories/flows.js';
import { resourcesOf } from '../stories/resources.js';
import { FieldView } from './FieldView.js';
import { testContext } from './test-fields.js';

// FieldView picks the editor by the field's kind: one story per kind, the toggle's two modes, a problem.
const meta = {
  component: FieldView,
  render: liveField(FieldView),
  args: fieldArgs('MessageParticipant', 'Text', 'Thanks for calling, $.Attributes.name.'),
} satisfies Meta<typeof FieldView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TextWithReferences: Story = {};

export const Ssml: Story = {
  args: fieldArgs('MessageParticipant', 'SSML', '<speak>Thanks for <emphasis>calling</emphasis>.</speak>'),
};

export const PathOnly: Story = { args: fieldArgs('Compare', 'ComparisonValue', '$.Attributes.tier') };

export const NumberStatic: Story = { args: fieldArgs('Loop', 'LoopCount', '3') };

export const NumberDynamic: Story = { args: fieldArgs('Loop', 'LoopCount', '$.Attributes.retries') };

export const NumberOutOfRange: Story = {
  args: fieldArgs('GetParticipantInput', 'InputTimeLimitSeconds', '900', {
    problems: ['Must be from 1 to 180'],
  }),
};

export const TrueOrFalse: Story = { args: fieldArgs('GetParticipantInput', 'StoreInput', 'True') };

export const Enum: Story = {
  args: fieldArgs('UpdateFlowLoggingBehavior', 'FlowLoggingBehavior', 'Enabled'),
};

export const Resource: Story = {
  args: fieldArgs('UpdateContactTargetQueue', 'QueueId', undefined, {
    ctx: testContext({ resources: resourcesOf(storyFlow('inbound-main-ivr.json')) }),
  }),
};

export const AttributesMap: Story = {
  args: fieldArgs('UpdateContactAttributes', 'Attributes', {
    tier: 'gold',
    caller: '$.CustomerEndpoint.Address',
  }),
};

export const List: Story = { args: fieldArgs('UnTagContact', 'TagKeys', ['campaign', 'segment']) };

export const NestedObject: Story = {
  args: fieldArgs('MessageParticipant', 'Media', { Uri: 's3://prompts/welcome.wav', SourceType: 'S3' }),
};

export const AnyJson: Story = { args: fieldArgs('ShowView', 'ViewData', { Heading: 'Verify the caller' }) };
