import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ImportReportView } from './ImportReport.js';
import { BILLING, loadedResources, REPORT, SUPPORT, UNRESOLVED_QUEUE } from './test-support.js';

const meta = {
  component: ImportReportView,
  args: { report: REPORT, resources: loadedResources({ queue: [BILLING, SUPPORT] }), fixes: {}, onFix: fn() },
} satisfies Meta<typeof ImportReportView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OneUnresolved: Story = {};

export const FixedUp: Story = {
  args: {
    report: {
      ...REPORT,
      references: REPORT.references.map((r) =>
        r === UNRESOLVED_QUEUE ? { ...r, resolution: 'map', target: BILLING.arn } : r,
      ),
      errors: [],
    },
    fixes: { [UNRESOLVED_QUEUE.arn]: BILLING.value },
  },
};
