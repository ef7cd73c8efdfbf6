import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { Toolbar } from './Toolbar.js';

const meta = {
  component: Toolbar,
  args: {
    canUndo: false,
    canRedo: false,
    selected: [],
    canDelete: false,
    startAction: 'a',
    onCommand: fn(),
    onSetStart: fn(),
  },
} satisfies Meta<typeof Toolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NothingToDo: Story = {};

export const OneBlockSelected: Story = {
  args: { canUndo: true, canRedo: true, canDelete: true, selected: ['b'] },
};

export const EntrySelected: Story = {
  args: { canUndo: true, canDelete: true, selected: ['a'] },
};
