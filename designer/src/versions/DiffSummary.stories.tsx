import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { sideColumn } from '../stories/decorators.js';
import { DiffLegend, DiffSummary } from './DiffSummary.js';
import { storyComparison } from './story-data.js';

const comparison = storyComparison();

const meta = {
  component: DiffSummary,
  decorators: [sideColumn],
  args: {
    title: 'Version 1 → version 2',
    entries: comparison.entries,
    identical: comparison.identical,
    onFocus: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof DiffSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One change of each kind in the inbound IVR fixture. */
export const Changes: Story = {};

export const OnlyLayout: Story = { args: { entries: [], identical: true } };

export const Legend: Story = { render: () => <DiffLegend /> };
