import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { SaveResult } from '../app/api.js';
import { sideColumn } from '../stories/decorators.js';
import { storyHistory, storyVersions } from './story-data.js';
import { VersionsPanel } from './VersionsPanel.js';

const { before, after, flowType } = storyVersions();

const meta = {
  component: VersionsPanel,
  decorators: [sideColumn],
  args: {
    context: {
      model: after,
      flowType,
      content: () => '',
      version: 5,
      dirty: false,
      labels: new Map(),
      setOverlay: fn(),
      focusBlock: fn(),
    },
    history: { state: 'done', value: storyHistory },
    actions: {
      // Every saved version is the fixture; the draft is the changed one.
      load: fn(async () => before),
      restore: fn(async (): Promise<SaveResult> => {
        throw new Error('Restoring needs a server');
      }),
      publish: fn(async () => undefined),
      open: fn(),
    },
  },
} satisfies Meta<typeof VersionsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const History: Story = {};

export const UnsavedDraft: Story = {
  args: { context: { ...meta.args.context, dirty: true } },
};

export const Loading: Story = { args: { history: { state: 'loading' } } };

export const Refused: Story = {
  args: { history: { state: 'failed', error: new Error('API_FORBIDDEN: this token cannot read flows') } },
};
