import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ResourceForm } from './ResourceForm.js';
import { formOf } from './schemaForm.js';
import { QUICK_CONNECT_REFS, typeAt } from './test-types.js';

const refs = { 'hours-of-operation': [{ id: 'h-1', arn: 'arn:h-1', name: 'Always open' }] };

const meta = {
  component: ResourceForm,
  args: {
    title: 'New queue',
    model: formOf(typeAt('queues')),
    refs,
    onSubmit: async () => undefined,
    onCancel: fn(),
  },
} satisfies Meta<typeof ResourceForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NewQueue: Story = {};

export const EditHours: Story = {
  args: {
    title: 'Edit Always open',
    model: formOf(typeAt('hours-of-operation')),
    entry: {
      id: 'h-1',
      arn: 'arn:h-1',
      name: 'Always open',
      timeZone: 'UTC',
      config: [{ Day: 'MONDAY', StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } }],
    },
  },
};

export const SpokenPrompt: Story = {
  args: {
    title: 'Edit Welcome',
    model: formOf(typeAt('prompts')),
    entry: { id: 'p-1', arn: 'arn:p-1', name: 'Welcome', text: 'Welcome to Parley.' },
  },
};

// Its type decides the fields: a queue and a flow, the flow among queue transfer flows only.
export const QueueQuickConnect: Story = {
  args: {
    title: 'Edit Billing line',
    model: formOf(typeAt('quick-connects')),
    refs: QUICK_CONNECT_REFS,
    entry: { id: 'qc-1', arn: 'arn:qc-1', name: 'Billing line', type: 'QUEUE', queue: 'q-1', flow: 'f-1' },
  },
};

export const NewQuickConnect: Story = {
  args: { title: 'New quick connect', model: formOf(typeAt('quick-connects')), refs: QUICK_CONNECT_REFS },
};
