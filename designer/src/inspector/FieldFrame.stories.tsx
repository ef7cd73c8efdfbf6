import type { Meta, StoryObj } from '@storybook/react-vite';
import { DynamicToggle } from './DynamicToggle.js';
import { FieldFrame } from './FieldFrame.js';
import { catalogField } from './test-fields.js';
import './inspector.css';

const loopCount = catalogField('Loop', 'LoopCount');

const meta = {
  component: FieldFrame,
  decorators: [
    (Story) => (
      <section className="inspector" aria-label="Inspector" style={{ width: 360 }}>
        <Story />
      </section>
    ),
  ],
  args: {
    field: loopCount,
    inputId: 'loop-count',
    children: <input id="loop-count" defaultValue="3" />,
  },
} satisfies Meta<typeof FieldFrame>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Labelled: Story = {};

export const RequiredWithHelp: Story = {
  args: { field: { ...loopCount, required: true, help: 'How many times the loop runs before it ends.' } },
};

export const WithNoteAndProblems: Story = {
  args: {
    note: 'Kept as read: the flow gave a number, not text.',
    problems: ['Must be a whole number from 1 to 100', undefined],
  },
};

export const WithToggle: Story = {
  args: { aside: <DynamicToggle dynamic={false} label="Loop count" onChange={() => {}} /> },
};

// Without an input id the frame is a fieldset: how list, map and object fields are drawn.
export const Group: Story = {
  args: {
    field: catalogField('GetParticipantInput', 'DTMFConfiguration'),
    inputId: undefined,
    children: <p className="hint">The object's properties go here.</p>,
  },
};
