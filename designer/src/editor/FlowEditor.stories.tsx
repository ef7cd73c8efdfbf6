import { validateDocument } from '@parley/flow';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { SaveResult } from '../app/api.js';
import { fillPage } from '../stories/decorators.js';
import { storyFlow } from '../stories/flows.js';
import { FlowEditor } from './FlowEditor.js';

/**
 * A server in memory: each save is the next version (its diagnostics the validator's), publishing
 * pins the latest; enough to try saving and publishing from a story.
 */
function fakeServer(name: string, flowType: string, version: number) {
  let latest = version;
  let published: number | null = version > 1 ? version - 1 : null;
  return {
    save: fn(async (content: string, message: string): Promise<SaveResult> => {
      const { diagnostics } = validateDocument(JSON.parse(content), { flowType });
      latest += 1;
      return {
        flow: {
          id: name,
          name,
          type: flowType,
          description: '',
          latestVersion: latest,
          publishedVersion: published,
        },
        version: {
          version: latest,
          hash: String(latest),
          author: 'storybook',
          message,
          errors: diagnostics.filter((d) => d.severity === 'error').length,
          warnings: diagnostics.filter((d) => d.severity === 'warning').length,
          createdAt: new Date(0).toISOString(),
        },
        unchanged: false,
        diagnostics,
      };
    }),
    publish: fn(async () => {
      published = latest;
      return { version: latest };
    }),
  };
}

function editorArgs(fixture: string) {
  const flow = storyFlow(fixture);
  const flowType = flow.flowType ?? 'CONTACT_FLOW';
  return {
    model: flow.model,
    diagnostics: [],
    flowType,
    version: 3,
    publishedVersion: 2,
    ...fakeServer(fixture, flowType, 3),
  };
}

const meta = {
  component: FlowEditor,
  parameters: { layout: 'fullscreen' },
  // The editor fills its parent, as it fills the page below the app's header.
  decorators: [fillPage],
  args: editorArgs('inbound-main-ivr.json'),
} satisfies Meta<typeof FlowEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InboundIvr: Story = {};

export const Module: Story = { args: editorArgs('module-authenticate-caller.json') };

export const WithWarnings: Story = { args: editorArgs('support-profiles-and-cases.json') };
