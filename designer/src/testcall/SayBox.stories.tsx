import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SayBox } from './SayBox.js';
import './testcall.css';

const meta = {
  component: SayBox,
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  args: { disabled: false, onSay: fn() },
} satisfies Meta<typeof SayBox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InCall: Story = {};
export const NoCall: Story = { args: { disabled: true } };
