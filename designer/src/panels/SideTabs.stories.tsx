import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SideTabs } from './SideTabs.js';

const tabs = [
  { id: 'block', title: 'Block' },
  { id: 'test', title: 'Test call' },
  { id: 'versions', title: 'Versions' },
];

const meta = {
  component: SideTabs,
  args: { tabs, selected: 'block', onSelect: fn(), children: <p>The selected panel</p> },
} satisfies Meta<typeof SideTabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BlockTab: Story = {};
export const TestCallTab: Story = { args: { selected: 'test' } };
/** One panel: no tab bar. */
export const OnlyOne: Story = { args: { tabs: [{ id: 'block', title: 'Block' }] } };
