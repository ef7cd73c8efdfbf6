import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { FieldInput } from './FieldInput.js';
import { type FormField, formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const field = (path: string, name: string): FormField => {
  const f = formOf(typeAt(path)).fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} at ${path}`);
  return f;
};

const meta = {
  component: FieldInput,
  args: { field: field('queues', 'name'), value: 'Billing', onChange: fn() },
} satisfies Meta<typeof FieldInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Text: Story = {};

export const Reference: Story = {
  args: {
    field: field('queues', 'hoursOfOperation'),
    value: 'h-1',
    refs: [
      { id: 'h-1', arn: 'arn:h-1', name: 'Always open' },
      { id: 'h-2', arn: 'arn:h-2', name: 'Weekdays' },
    ],
  },
};

export const TimeZone: Story = {
  args: { field: field('hours-of-operation', 'timeZone'), value: 'Europe/Paris' },
};

export const Audio: Story = {
  args: {
    field: field('prompts', 'audio'),
    value: undefined,
    existing: { sha256: 'a'.repeat(64), bytes: 16044, durationMs: 1000 },
  },
};
