import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { sideColumn } from '../stories/decorators.js';
import { versionRows } from './history.js';
import { storyHistory } from './story-data.js';
import { VersionList } from './VersionList.js';

const meta = {
  component: VersionList,
  decorators: [sideColumn],
  args: {
    rows: versionRows(storyHistory, 5),
    now: Date.UTC(2025, 0, 5, 12),
    busy: false,
    onOpen: fn(),
    onCompare: fn(),
    onRestore: fn(),
    onPublish: fn(),
  },
} satisfies Meta<typeof VersionList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const History: Story = {};

export const EditorOnAnOlderVersion: Story = { args: { rows: versionRows(storyHistory, 3) } };

export const WhileRestoring: Story = { args: { busy: true } };

export const NothingToNavigateTo: Story = { args: { onOpen: undefined } };

export const NoVersionYet: Story = { args: { rows: [] } };
