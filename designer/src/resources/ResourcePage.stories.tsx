import type { Meta, StoryObj } from '@storybook/react-vite';
import { ResourceTable } from './ResourcePage.js';
import { formOf } from './schemaForm.js';
import { QUICK_CONNECT_REFS, typeAt } from './test-types.js';

const queues = typeAt('queues');

const meta = {
  component: ResourceTable,
  args: {
    data: {
      type: queues,
      model: formOf(queues),
      entries: [
        { id: 'q-1', arn: 'arn:q-1', name: 'Billing', hoursOfOperation: 'h-1', maxContacts: 50 },
        { id: 'q-2', arn: 'arn:q-2', name: 'Support', hoursOfOperation: 'h-1', status: 'ENABLED' },
      ],
      refs: { 'hours-of-operation': [{ id: 'h-1', arn: 'arn:h-1', name: 'Always open' }] },
    },
    save: async () => undefined,
    remove: async () => undefined,
  },
} satisfies Meta<typeof ResourceTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Queues: Story = {};

export const NoneYet: Story = { args: { data: { ...meta.args.data, entries: [] } } };

const quickConnects = typeAt('quick-connects');

// A type per quick connect: to an agent, a queue or a number, each with what it transfers to.
export const QuickConnects: Story = {
  args: {
    data: {
      type: quickConnects,
      model: formOf(quickConnects),
      entries: [
        { id: 'qc-1', arn: 'arn:qc-1', name: 'Billing line', type: 'QUEUE', queue: 'q-1', flow: 'f-1' },
        { id: 'qc-2', arn: 'arn:qc-2', name: 'Erin', type: 'USER', user: 'u-1', flow: 'f-2' },
        {
          id: 'qc-3',
          arn: 'arn:qc-3',
          name: 'Head office',
          type: 'PHONE_NUMBER',
          phoneNumber: '+15550100123',
        },
      ],
      refs: QUICK_CONNECT_REFS,
    },
  },
};
