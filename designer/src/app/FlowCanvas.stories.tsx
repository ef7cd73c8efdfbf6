import { serialize } from '@parley/flow';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { fillPage } from '../stories/decorators.js';
import { storyFlowApi } from '../stories/flowApi.js';
import { storyFlow } from '../stories/flows.js';
import { storyHistory } from '../versions/story-data.js';
import { FlowCanvas } from './FlowCanvas.js';

// The page a flow opens on, reading it from an API in memory: the editor, its Versions list, test
// call and replay tabs. Saving and publishing are refused (a story has no server).
const ivr = storyFlow('inbound-main-ivr.json');
const module = storyFlow('module-authenticate-caller.json');

const meta = {
  component: FlowCanvas,
  parameters: { layout: 'fullscreen' },
  decorators: [fillPage],
  args: {
    api: storyFlowApi({
      id: 'ivr',
      name: 'Main IVR',
      type: ivr.flowType ?? 'CONTACT_FLOW',
      text: serialize(ivr.model),
      history: storyHistory,
    }),
    instance: 'demo',
    flow: 'ivr',
    onChange: fn(),
    navigate: fn(),
  },
} satisfies Meta<typeof FlowCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ContactFlow: Story = {};

export const Module: Story = {
  args: {
    api: storyFlowApi({
      id: 'auth',
      name: 'Authenticate caller',
      type: module.flowType ?? 'MODULE',
      text: serialize(module.model),
      history: { versions: storyHistory.versions.slice(-1), publications: [] },
    }),
    flow: 'auth',
  },
};

export const NoSuchFlow: Story = { args: { flow: 'gone' } };
