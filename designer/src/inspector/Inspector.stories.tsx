import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { useDiagnostics } from '../editor/useDiagnostics.js';
import { useStoryEditor } from '../stories/editor.js';
import { storyFlow } from '../stories/flows.js';
import { resourcesOf } from '../stories/resources.js';
import { addBlock, toGraph } from '../system/index.js';
import { Inspector } from './Inspector.js';

/**
 * The inspector of one block of a fixture flow (after adding a block of `add`, if given), its edits
 * applied, with the flow's live diagnostics and, `withResources`, the resources the flow names.
 */
function InspectorStory(props: { fixture: string; actionId: string; withResources?: boolean; add?: string }) {
  const flow = storyFlow(props.fixture);
  const { editor, model } = useStoryEditor(
    props.add ? addBlock(flow.model, props.add, { x: 0, y: 0 }, props.actionId) : flow.model,
  );
  const [actionId, setActionId] = useState(props.actionId);
  const diagnostics = useDiagnostics(model, flow.flowType);
  const labels = useMemo(() => new Map(toGraph(model).nodes.map((n) => [n.id, n.data.label])), [model]);
  const resources = useMemo(
    () => (props.withResources ? resourcesOf(flow) : undefined),
    [props.withResources, flow],
  );
  return (
    <div style={{ width: 380 }}>
      <Inspector
        model={model}
        actionId={actionId}
        diagnostics={diagnostics}
        labels={labels}
        resources={resources}
        edits={{
          ...editor,
          rename: (id, name) => {
            const renamed = editor.rename(id, name);
            if (renamed !== undefined) setActionId(renamed);
            return renamed;
          },
        }}
      />
    </div>
  );
}

const meta = {
  component: InspectorStory,
  args: { fixture: 'inbound-main-ivr.json', actionId: '2d7d26e6-32a2-5c13-95a2-ead729bf8283' },
} satisfies Meta<typeof InspectorStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const CompareWithConditions: Story = {};

export const Menu: Story = { args: { actionId: 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8' } };

export const PromptWithSsml: Story = {
  args: { fixture: 'customer-whisper.json', actionId: '8c14617c-3545-5556-9750-adc57deaee28' },
};

export const QueuePicker: Story = {
  args: { actionId: '3de7d2ec-d123-5956-a5f5-f65d93f21769', withResources: true },
};

export const TransferToQueue: Story = { args: { actionId: '436cc838-0b4e-5218-aebf-d4e35795f62b' } };

export const LambdaWithAttributes: Story = {
  args: { actionId: '76128147-dae7-5feb-a994-e509640528cc', withResources: true },
};

export const NamedBlock: Story = {
  args: { fixture: 'module-authenticate-caller.json', actionId: 'Ask for PIN' },
};

export const NotProvidedInParley: Story = {
  args: { fixture: 'support-profiles-and-cases.json', actionId: '08987ed3-e1d2-5c07-8b76-4df1ddb011ff' },
};

export const NewBlockWithProblems: Story = {
  args: { add: 'MessageParticipant', actionId: 'new-prompt' },
};

export const BlockGone: Story = { args: { actionId: 'gone' } };
