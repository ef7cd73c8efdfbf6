import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { fn } from 'storybook/test';
import { type Api, ApiError, type FlowSummary } from '../app/api.js';
import type { ContactSummary } from '../replay/replay.js';
import { ReplayTab, TestCallTab, useTestCallPanels } from './panels.js';
import { sampleContext } from './sample.js';

const FLOW_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/demo/contact-flow/sales';
const summary: FlowSummary = {
  id: 'sales',
  name: 'Sales line',
  type: 'CONTACT_FLOW',
  description: '',
  latestVersion: 1,
  publishedVersion: 1,
};
const contact: ContactSummary = {
  contactId: '6f1c2d3e-0000-4000-8000-000000000001',
  initialContactId: null,
  initiationTimestamp: '2025-01-01T10:00:00Z',
  disconnectTimestamp: '2025-01-01T10:00:09Z',
};
const logs = ['menu', 'sales', 'bye'].map((Identifier, i) => ({
  ContactId: contact.contactId,
  ContactFlowId: FLOW_ARN,
  Identifier,
  Timestamp: `2025-01-01T10:00:0${i * 3}.000Z`,
}));

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const absent = async (): Promise<never> => {
  throw new ApiError(404, 'API_NOT_FOUND', 'not in this story');
};

/**
 * The server as these tabs see it: the flow, its contacts and their logs; a call placed is never
 * answered (its socket stays silent), as no telephony runs behind a story.
 */
function standIn(over: { contacts?: ContactSummary[]; socket?: boolean; flow?: Api['flow'] } = {}): Api {
  return {
    instances: absent,
    flows: absent,
    flow: over.flow ?? (async () => ({ ...summary, arn: FLOW_ARN })),
    flowContent: absent,
    versions: absent,
    createFlow: absent,
    saveVersion: absent,
    publish: absent,
    resources: absent,
    async send(method, path) {
      if (path.endsWith('/logs?limit=10000')) return json({ entries: logs });
      if (path.includes('/contacts?')) return json({ contacts: over.contacts ?? [contact] });
      if (method === 'POST' && path.endsWith('/test-calls')) return json({ id: 'call-1', flowArn: FLOW_ARN });
      return absent();
    },
    ...(over.socket === false
      ? {}
      : { socket: () => ({ close() {}, onmessage: null, onclose: null }) as unknown as WebSocket }),
  };
}

const meta = {
  component: TestCallTab,
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    api: standIn(),
    instance: 'demo',
    flowId: 'sales',
    context: { ...sampleContext(), setOverlay: fn(), focusBlock: fn() },
    ended: new EventTarget(),
  },
} satisfies Meta<typeof TestCallTab>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TestCall: Story = {};

export const TestCallsUnavailable: Story = { args: { api: standIn({ socket: false }) } };

export const Replay: Story = { render: (args) => <ReplayTab {...args} /> };

export const ReplayWithoutContacts: Story = {
  args: { api: standIn({ contacts: [] }) },
  render: (args) => <ReplayTab {...args} />,
};

export const ReplayRefused: Story = {
  args: {
    api: standIn({
      flow: async () => {
        throw new ApiError(403, 'API_FORBIDDEN', 'API_FORBIDDEN: this token cannot read flows');
      },
    }),
  },
  render: (args) => <ReplayTab {...args} />,
};

// Both tabs as useTestCallPanels makes them, sharing the signal that a call ended.
function BothTabs(props: {
  api: Api;
  instance: string;
  flowId: string;
  context: Parameters<typeof TestCallTab>[0]['context'];
}) {
  const panels = useTestCallPanels(props);
  const rendered = useMemo(
    () => panels.map((p) => [p, p.render(props.context)] as const),
    [panels, props.context],
  );
  return (
    <>
      {rendered.map(([p, node]) => (
        <section key={p.id} aria-label={p.title}>
          <h3>{p.title}</h3>
          {node}
        </section>
      ))}
    </>
  );
}

export const AsTheEditorHasThem: Story = { render: (args) => <BothTabs {...args} /> };
