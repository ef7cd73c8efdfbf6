import type { Meta, StoryObj } from '@storybook/react-vite';
import { fieldArgs, liveField } from '../stories/fields.js';
import { storyFlow } from '../stories/flows.js';
import { resourcesOf } from '../stories/resources.js';
import { ResourcePicker } from './ResourcePicker.js';
import { fakeResources, testContext } from './test-fields.js';

// The queues the inbound IVR fixture names, as if the instance had them.
const ivr = storyFlow('inbound-main-ivr.json');
const queues = testContext({ resources: resourcesOf(ivr) });
const salesQueue = ivr.model.actions.find((a) => a.id === '3de7d2ec-d123-5956-a5f5-f65d93f21769')?.parameters
  ?.QueueId;

const meta = {
  component: ResourcePicker,
  render: liveField(ResourcePicker),
  args: fieldArgs('UpdateContactTargetQueue', 'QueueId', undefined, { ctx: queues }),
} satisfies Meta<typeof ResourcePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const Picked: Story = {
  args: fieldArgs('UpdateContactTargetQueue', 'QueueId', salesQueue, { ctx: queues }),
};

export const NotInTheInstance: Story = {
  args: fieldArgs('UpdateContactTargetQueue', 'QueueId', 'arn:aws:connect:elsewhere/queue/x', {
    ctx: queues,
  }),
};

export const Loading: Story = {
  args: fieldArgs('UpdateContactTargetQueue', 'QueueId', '', {
    ctx: testContext({ resources: fakeResources({ queue: { state: 'loading' } }) }),
  }),
};

export const ListFailed: Story = {
  args: fieldArgs('UpdateContactTargetQueue', 'QueueId', 'q9', {
    ctx: testContext({ resources: fakeResources({ queue: { state: 'failed', error: '403 Forbidden' } }) }),
  }),
};

export const WithoutAList: Story = { args: fieldArgs('UpdateContactTargetQueue', 'QueueId', 'q9') };
