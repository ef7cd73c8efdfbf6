import type { Meta, StoryObj } from '@storybook/react-vite';
import { Attributes } from './Attributes.js';
import './agent.css';

const meta = {
  component: Attributes,
  args: { attributes: { account: '1234', reason: 'Billing question', language: 'en-US' } },
} satisfies Meta<typeof Attributes>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ScreenPop: Story = {};
export const None: Story = { args: { attributes: {} } };
