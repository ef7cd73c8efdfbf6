import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ApiError } from '../app/api.js';
import { validateModel } from '../editor/useDiagnostics.js';
import { type FlowSaving, problemOf, publishBlocker } from '../editor/useFlowSaving.js';
import { storyFlow } from '../stories/flows.js';
import { addBlock } from '../system/index.js';
import { SaveBar } from './SaveBar.js';

/** The save state of a flow at version 3, published at 2; problems as useFlowSaving makes them. */
const saving = (over: Partial<FlowSaving> = {}): FlowSaving => ({
  dirty: false,
  version: 3,
  publishedVersion: 2,
  busy: undefined,
  message: '',
  setMessage: fn(),
  notice: undefined,
  problem: undefined,
  publishBlocker: publishBlocker(over.dirty ?? false, over.version ?? 3),
  save: fn(async () => undefined),
  publish: fn(async () => undefined),
  dismiss: fn(),
  ...over,
});

// A publish refused for the problems of a new, unconnected block in the inbound IVR fixture.
const ivr = storyFlow('inbound-main-ivr.json');
const refused = validateModel(addBlock(ivr.model, 'MessageParticipant', { x: 0, y: 0 }, 'p'), ivr.flowType);

const meta = {
  component: SaveBar,
  args: { saving: saving() },
} satisfies Meta<typeof SaveBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Clean: Story = {};

export const NoVersionYet: Story = { args: { saving: saving({ version: 0, publishedVersion: null }) } };

export const Dirty: Story = {
  args: { saving: saving({ dirty: true, message: 'Route Spanish callers to their queue' }) },
};

export const Saving: Story = { args: { saving: saving({ dirty: true, busy: 'saving' }) } };

export const Saved: Story = { args: { saving: saving({ version: 4, notice: 'Saved version 4' }) } };

export const Conflict: Story = {
  args: {
    saving: saving({
      dirty: true,
      problem: problemOf(
        new ApiError(409, 'STORE_VERSION_CONFLICT', 'version conflict', { latestVersion: 5 }),
        3,
      ),
    }),
  },
};

export const PublishRefused: Story = {
  args: {
    saving: saving({
      problem: problemOf(
        new ApiError(422, 'PUBLISH_HAS_ERRORS', `Version 3 has ${refused.length} problem(s)`, {
          diagnostics: refused,
        }),
      ),
    }),
  },
};
