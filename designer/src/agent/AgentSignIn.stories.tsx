import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { AgentSignIn } from './AgentSignIn.js';
import './agent.css';

const meta = { component: AgentSignIn, args: { onToken: fn() } } satisfies Meta<typeof AgentSignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const First: Story = {};
export const NotAnAgentToken: Story = {
  args: { error: 'this token is not made for a user; ask an admin for an agent token' },
};
