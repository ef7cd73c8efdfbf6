import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { Palette } from './Palette.js';

const meta = {
  component: Palette,
  args: { onAdd: fn() },
  decorators: [
    (Story) => (
      <div style={{ width: 260 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Palette>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Full: Story = {};

export const Searched: Story = { args: { initialQuery: 'queue' } };

export const NoMatch: Story = { args: { initialQuery: 'teleport' } };

/** A whisper flow refuses most blocks: they show, disabled. */
export const FlowTypeDisablesBlocks: Story = { args: { flowType: 'AGENT_WHISPER' } };
