import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { storyFlow } from '../stories/flows.js';
import { toGraph } from '../system/index.js';
import { searchFlow } from '../system/search.js';
import { FindBar } from './FindBar.js';

const ivr = storyFlow('inbound-main-ivr.json').model;
const hitsFor = (query: string) => ({ query, hits: searchFlow(ivr, toGraph(ivr), query) });

const meta = {
  component: FindBar,
  args: {
    open: false,
    query: '',
    hits: [],
    index: -1,
    focusKey: 0,
    shortcut: 'Ctrl+F',
    onQuery: fn(),
    onStep: fn(),
    onPick: fn(),
    onOpen: fn(),
    onClose: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ position: 'relative', width: 420, height: 340 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof FindBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};

export const Matches: Story = { args: { open: true, ...hitsFor('press') } };

export const SecondMatch: Story = { args: { open: true, index: 1, ...hitsFor('press') } };

export const ByAttribute: Story = { args: { open: true, index: 0, ...hitsFor('accountTier') } };

export const NoMatch: Story = { args: { open: true, ...hitsFor('no such words') } };
