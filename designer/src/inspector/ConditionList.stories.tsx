import { getBlock, indexActions } from '@parley/flow';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { useStoryEditor } from '../stories/editor.js';
import { storyFlow } from '../stories/flows.js';
import { toGraph } from '../system/index.js';
import { ConditionList } from './ConditionList.js';
import { openResult } from './conditions.js';
import '../inspector/inspector.css';

/** The conditions of one block of the inbound IVR fixture, editable, naming where each leads. */
function Conditions({ actionId }: { actionId: string }) {
  const { editor, model } = useStoryEditor(storyFlow('inbound-main-ivr.json').model);
  const labels = useMemo(() => new Map(toGraph(model).nodes.map((n) => [n.id, n.data.label])), [model]);
  const action = indexActions(model).get(actionId);
  const result = action && openResult(getBlock(action.type), action);
  if (!action || !result) return <p>{actionId} has no conditions</p>;
  return (
    <section className="inspector" style={{ width: 380 }}>
      <ConditionList action={action} result={result} edits={editor} labels={labels} />
    </section>
  );
}

const meta = {
  component: Conditions,
  args: { actionId: 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8' },
} satisfies Meta<typeof Conditions>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MenuKeys: Story = {};

export const CompareOperators: Story = { args: { actionId: '2d7d26e6-32a2-5c13-95a2-ead729bf8283' } };
