import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ShortcutSheet } from './ShortcutSheet.js';

const meta = {
  component: ShortcutSheet,
  args: { mac: true, onClose: fn() },
} satisfies Meta<typeof ShortcutSheet>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Mac: Story = {};

export const Other: Story = { args: { mac: false } };
