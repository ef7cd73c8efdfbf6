import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { sideColumn } from '../stories/decorators.js';
import { AttributesTable, EntryDetails, LogList } from './CallDetails.js';
import { SAMPLE_CALL } from './sample.js';

const labels = new Map([['menu', 'Main menu']]);

const meta = {
  component: LogList,
  decorators: [sideColumn],
  args: { entries: SAMPLE_CALL.logs, labels, onSelect: fn() },
} satisfies Meta<typeof LogList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Logs: Story = {};
export const CurrentEntry: Story = { args: { current: 0 } };
export const Empty: Story = { args: { entries: [] } };
export const Attributes: Story = { render: () => <AttributesTable attributes={SAMPLE_CALL.attributes} /> };
export const Entry: Story = {
  render: () => <EntryDetails entry={SAMPLE_CALL.logs[0] ?? {}} labels={labels} />,
};
