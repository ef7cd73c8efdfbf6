import type { Meta, StoryObj } from '@storybook/react-vite';
import { ResourceTable } from './ResourcePage.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

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
