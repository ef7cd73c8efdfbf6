import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { TokenForm } from './TokenForm.js';
import './app.css';

const meta = {
  component: TokenForm,
  args: { onToken: fn() },
} satisfies Meta<typeof TokenForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignIn: Story = {};

export const Refused: Story = { args: { error: 'API_UNAUTHORIZED: this token is not known' } };
