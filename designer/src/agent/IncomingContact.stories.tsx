import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { IncomingContact } from './IncomingContact.js';
import { contactIn, sampleAgent } from './sample.js';
import './agent.css';

const meta = {
  component: IncomingContact,
  args: {
    contact: contactIn('INCOMING'),
    details: sampleAgent({ contact: 'INCOMING' }).contacts[0],
    disabled: false,
    onAccept: fn(),
    onReject: fn(),
  },
} satisfies Meta<typeof IncomingContact>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Ringing: Story = {};
export const WithoutDetails: Story = { args: { details: undefined } };
export const Answering: Story = { args: { disabled: true } };
