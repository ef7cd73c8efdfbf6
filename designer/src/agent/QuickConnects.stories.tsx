import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { QuickConnects } from './QuickConnects.js';
import { quickConnects } from './sample.js';
import './agent.css';

const meta = {
  component: QuickConnects,
  args: { quickConnects, onCall: true, disabled: false, onTransfer: fn() },
} satisfies Meta<typeof QuickConnects>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OnACall: Story = {};
export const Idle: Story = { args: { onCall: false } };
export const None: Story = { args: { quickConnects: [] } };
