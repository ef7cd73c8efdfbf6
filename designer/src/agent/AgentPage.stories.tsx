import type { Meta, StoryObj } from '@storybook/react-vite';
import { ApiError } from '../app/api.js';
import { AgentPage } from './AgentPage.js';
import { sampleAgent } from './sample.js';
import { agentApi } from './sample-api.js';

const api = agentApi(sampleAgent({ contact: 'INCOMING' }));

const meta = { component: AgentPage, args: { api, instance: 'demo', apiFor: () => api } } satisfies Meta<
  typeof AgentPage
>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Ringing: Story = {};
export const NotAnAgentToken: Story = {
  args: {
    api: agentApi(
      new ApiError(
        403,
        'AGENT_TOKEN_UNBOUND',
        'this token is not made for a user; ask an admin for an agent token',
      ),
    ),
  },
};
export const NoContactCenter: Story = {
  args: {
    api: agentApi(
      new ApiError(503, 'AGENT_UNAVAILABLE', 'this server runs no contact center for the instance'),
    ),
  },
};
