import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { StatusPicker } from './StatusPicker.js';
import './agent.css';

const meta = {
  component: StatusPicker,
  args: { status: 'Available', customStatuses: ['Break', 'Training'], disabled: false, onChange: fn() },
} satisfies Meta<typeof StatusPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Available: Story = {};
export const OnBreak: Story = { args: { status: 'Break' } };
export const Offline: Story = { args: { status: 'Offline', customStatuses: [] } };
