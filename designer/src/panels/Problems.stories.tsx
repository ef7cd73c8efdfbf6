import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { validateModel } from '../editor/useDiagnostics.js';
import type { SampleFlow } from '../nodes/block-sample.js';
import { storyFlow } from '../stories/flows.js';
import { addBlock, removeBlocks, toGraph } from '../system/index.js';
import { ProblemsPanel } from './Problems.js';

/** The validator's diagnostics of a fixture flow and its blocks' labels, as the editor passes them. */
const problemsOf = (flow: SampleFlow) => ({
  diagnostics: validateModel(flow.model, flow.flowType),
  labels: new Map(toGraph(flow.model).nodes.map((n) => [n.id, n.data.label])),
});

// The inbound IVR with a new, unconnected block and the block its menu's first key leads to gone.
const ivr = storyFlow('inbound-main-ivr.json');
const broken = {
  ...ivr,
  model: removeBlocks(addBlock(ivr.model, 'MessageParticipant', { x: 0, y: 0 }, 'Lonely'), [
    '3de7d2ec-d123-5956-a5f5-f65d93f21769',
  ]),
};

const meta = {
  component: ProblemsPanel,
  args: { ...problemsOf(ivr), onSelect: fn() },
} satisfies Meta<typeof ProblemsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const None: Story = {};

export const Several: Story = { args: problemsOf(broken) };

export const WarningsOnly: Story = { args: problemsOf(storyFlow('support-profiles-and-cases.json')) };
