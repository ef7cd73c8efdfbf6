import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { DialPad } from './DialPad.js';
import './agent.css';

const meta = { component: DialPad, args: { onCall: false, disabled: false, onDial: fn() } } satisfies Meta<
  typeof DialPad
>;

export default meta;
type Story = StoryObj<typeof meta>;

export const CallOut: Story = {};
export const Transfer: Story = { args: { onCall: true } };
export const Busy: Story = { args: { disabled: true } };
