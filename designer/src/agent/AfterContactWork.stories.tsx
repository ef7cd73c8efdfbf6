import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { AfterContactWork } from './AfterContactWork.js';
import { contactIn, NOW } from './sample.js';
import './agent.css';

const meta = {
  component: AfterContactWork,
  args: { contact: contactIn('ENDED'), now: NOW, disabled: false, onClear: fn() },
} satisfies Meta<typeof AfterContactWork>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Working: Story = {};
export const Clearing: Story = { args: { disabled: true } };
