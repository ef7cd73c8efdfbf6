import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ConnectedCall } from './ConnectedCall.js';
import { contactIn, customer, dialling, me, NOW, otherAgent, sampleAgent, thirdParty } from './sample.js';
import './agent.css';

const details = (participants = [customer, me]) =>
  sampleAgent({ contact: 'CONNECTED', participants }).contacts[0];

const meta = {
  component: ConnectedCall,
  args: {
    contact: contactIn('CONNECTED'),
    details: details(),
    now: NOW,
    disabled: false,
    onParticipant: fn(),
    onConference: fn(),
    onSwap: fn(),
    onHoldAll: fn(),
  },
} satisfies Meta<typeof ConnectedCall>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TwoParties: Story = {};
export const CustomerOnHold: Story = {
  args: { contact: contactIn('CONNECTED_ONHOLD'), details: details([{ ...customer, state: 'ON_HOLD' }, me]) },
};
export const Consulting: Story = {
  args: { details: details([{ ...customer, state: 'ON_HOLD' }, me, thirdParty]) },
};
export const Conference: Story = { args: { details: details([customer, me, thirdParty]) } };
export const Dialling: Story = {
  args: {
    contact: contactIn('CONNECTED_ONHOLD'),
    details: details([{ ...customer, state: 'ON_HOLD' }, me, dialling]),
  },
};
/** Four parties: no Swap. */
export const MultiParty: Story = {
  args: { details: details([customer, me, thirdParty, { ...otherAgent, muted: true }]) },
};
/** Bob held Alice: she can resume herself. */
export const YouOnHold: Story = {
  args: {
    contact: contactIn('CONNECTED_ONHOLD'),
    details: details([customer, { ...me, state: 'ON_HOLD' }, otherAgent]),
  },
};
