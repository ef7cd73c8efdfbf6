import type { Diagnostic, FlowModel } from '@parley/flow';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { BlockCanvas } from '../stories/BlockCanvas.js';
import { storyFlow, storyFlows } from '../stories/flows.js';
import { addBlock, type GraphNode, toGraph } from '../system/index.js';
import { blockSample } from './block-sample.js';

// The states a block is drawn in; one story per catalog block is in BlockNode.catalog.stories.tsx.
const ivr = storyFlow('inbound-main-ivr.json').model;

function nodeOf(model: FlowModel, id: string | undefined): GraphNode {
  const node = toGraph(model).nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no block ${id}`);
  return node;
}

const menu = blockSample('GetParticipantInput', storyFlows()).node;

const withProblems = (node: GraphNode, diagnostics: Diagnostic[]): GraphNode => ({
  ...node,
  data: { ...node.data, diagnostics },
});

const meta = {
  component: BlockCanvas,
  parameters: { layout: 'centered' },
  args: { node: menu },
} satisfies Meta<typeof BlockCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Menu: Story = {};

export const Selected: Story = { args: { selected: true } };

export const Entry: Story = { args: { node: nodeOf(ivr, ivr.startAction) } };

// The validator's codes share the type line: errors' first; a line too long is cut, the tooltip lists all.
export const WithErrors: Story = { args: { node: blockSample('MessageParticipant', []).node } };

export const WithWarnings: Story = {
  args: {
    node: withProblems(menu, [
      {
        code: 'ACTION_UNREACHABLE',
        severity: 'warning',
        message: 'No transition or entry reaches this block',
      },
    ]),
  },
};

export const ManyProblems: Story = {
  args: {
    node: withProblems(menu, [
      { code: 'PARAM_MISSING', severity: 'error', message: 'Text or PromptId is required' },
      { code: 'TRANSITION_TARGET_DANGLING', severity: 'error', message: 'Condition 1 goes to no block' },
      {
        code: 'ACTION_UNREACHABLE',
        severity: 'warning',
        message: 'No transition or entry reaches this block',
      },
    ]),
  },
};

export const UnknownType: Story = {
  args: { node: nodeOf(addBlock(ivr, 'NotAConnectAction', { x: 0, y: 0 }, 'Mystery'), 'Mystery') },
};

// The marks test calls, replays and diffs lay over blocks (system/overlay.ts).
export const Running: Story = { args: { mark: 'running' } };
export const Visited: Story = { args: { mark: 'visited' } };
export const Added: Story = { args: { mark: 'added' } };
export const Changed: Story = { args: { mark: 'changed' } };
export const Removed: Story = { args: { mark: 'removed' } };
