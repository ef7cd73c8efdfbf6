import { serialize } from '@parley/flow';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Api } from '../app/api.js';
import type { Route } from '../app/route.js';
import { sideColumn } from '../stories/decorators.js';
import { storyFlowApi } from '../stories/flowApi.js';
import { storyHistory, storyVersions } from './story-data.js';
import { useVersionsPanel } from './useVersionsPanel.js';

const { before, after, flowType } = storyVersions();

/** The Versions tab useVersionsPanel gives, as FlowCanvas shows it beside the editor. */
function VersionsTab(props: { api: Api; navigate?: (route: Route) => void; dirty: boolean }) {
  const host = useVersionsPanel({ api: props.api, instance: 'demo', flow: 'ivr', navigate: props.navigate });
  return host.panel.render({
    model: after,
    flowType,
    content: () => serialize(after),
    version: storyHistory.versions[0]?.version ?? 1,
    dirty: props.dirty,
    labels: new Map(),
    setOverlay: () => undefined,
    focusBlock: () => undefined,
  });
}

const meta = {
  component: VersionsTab,
  decorators: [sideColumn],
  args: {
    // Every saved version reads as the fixture; the editor holds the changed draft.
    api: storyFlowApi({
      id: 'ivr',
      name: 'Main IVR',
      type: flowType,
      text: serialize(before),
      history: storyHistory,
    }),
    navigate: fn(),
    dirty: false,
  },
} satisfies Meta<typeof VersionsTab>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FromTheApi: Story = {};

export const UnsavedDraft: Story = { args: { dirty: true } };

export const WithoutNavigation: Story = { args: { navigate: undefined } };
