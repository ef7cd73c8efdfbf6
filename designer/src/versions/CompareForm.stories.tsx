import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { CompareForm } from './CompareForm.js';

const meta = {
  component: CompareForm,
  args: { versions: [5, 4, 3, 2, 1], versionsAsTarget: true, onCompare: fn() },
} satisfies Meta<typeof CompareForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AnyTwo: Story = {};

export const DraftOnly: Story = { args: { versionsAsTarget: false } };

export const OneVersion: Story = { args: { versions: [1] } };
