import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ApiError, type FlowSummary } from '../app/api.js';
import { ImportDialogView } from './ImportDialog.js';
import { BILLING, loadedResources, REPORT, SUPPORT } from './test-support.js';
import type { ImportState } from './useImport.js';

const flows: FlowSummary[] = [
  {
    id: 'f-1',
    name: 'Bank menu',
    type: 'CONTACT_FLOW',
    description: '',
    latestVersion: 2,
    publishedVersion: 1,
  },
];

const state = (over: Partial<ImportState> = {}): ImportState => ({
  source: undefined,
  setSource: fn(),
  target: { mode: 'new', name: '' },
  setTarget: fn(),
  fixes: {},
  fix: fn(),
  dryRun: { state: 'idle' },
  blocker: 'Choose a flow file first.',
  importing: false,
  problem: undefined,
  runImport: async () => undefined,
  ...over,
});

const meta = {
  component: ImportDialogView,
  args: {
    state: state(),
    flows,
    resources: loadedResources({ queue: [BILLING, SUPPORT] }),
    onImport: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof ImportDialogView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NoFileYet: Story = {};

export const Report: Story = {
  args: {
    state: state({
      source: { text: '{}', fileName: 'SimpleInboundFlow.json' },
      target: { mode: 'new', name: 'Simple inbound' },
      dryRun: { state: 'done', result: { report: REPORT } },
      blocker: undefined,
    }),
  },
};

export const IntoAnExistingFlow: Story = {
  args: {
    state: state({
      source: { text: '{}', fileName: 'SimpleInboundFlow.json' },
      target: { mode: 'version', flow: 'f-1' },
      dryRun: { state: 'done', result: { report: REPORT } },
      blocker: undefined,
    }),
  },
};

export const Refused: Story = {
  args: {
    state: state({
      source: { text: '{' },
      problem: new ApiError(400, 'JSON_SYNTAX', 'the file is not JSON', {
        diagnostics: [{ code: 'JSON_SYNTAX', severity: 'error', message: 'Unexpected end of JSON input' }],
      }),
    }),
  },
};
