import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { HoursRange } from './draft.js';
import { WeeklySchedule } from './WeeklySchedule.js';

const day = (Day: string, from: number, to: number): HoursRange => ({
  Day,
  StartTime: { Hours: from, Minutes: 0 },
  EndTime: { Hours: to, Minutes: 0 },
});

const meta = {
  component: WeeklySchedule,
  args: {
    ranges: [day('MONDAY', 9, 17), day('TUESDAY', 9, 17), day('FRIDAY', 22, 6)],
    onChange: () => undefined,
  },
  render: function Live(args) {
    const [ranges, setRanges] = useState(args.ranges);
    return <WeeklySchedule ranges={ranges} onChange={setRanges} />;
  },
} satisfies Meta<typeof WeeklySchedule>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Weekdays: Story = {};

export const ClosedAllWeek: Story = { args: { ranges: [] } };
