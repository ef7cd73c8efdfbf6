import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { Keypad } from './Keypad.js';
import './testcall.css';

const meta = { component: Keypad, args: { disabled: false, onPress: fn() } } satisfies Meta<typeof Keypad>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InCall: Story = {};
export const NoCall: Story = { args: { disabled: true } };
