import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ResourceForm } from './ResourceForm.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

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
