import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { NewFlowForm } from './NewFlowForm.js';
import './app.css';

const meta = {
  component: NewFlowForm,
  decorators: [
    (Story) => (
      <div style={{ width: 280 }}>
        <Story />
      </div>
    ),
  ],
  args: { onCreate: fn(async () => undefined) },
} satisfies Meta<typeof NewFlowForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};

// The form is folded inside <details> and keeps its error in state: only opening and submitting shows them.
export const Open: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('New flow'));
    await userEvent.type(canvas.getByLabelText('Flow name'), 'After hours');
    await userEvent.selectOptions(canvas.getByLabelText('Flow type'), 'MODULE');
  },
};

export const Refused: Story = {
  args: {
    onCreate: fn(async () => {
      throw new Error('STORE_NAME_TAKEN: a flow named "Main IVR" already exists');
    }),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('New flow'));
    await userEvent.type(canvas.getByLabelText('Flow name'), 'Main IVR');
    await userEvent.click(canvas.getByRole('button', { name: 'Create' }));
    await expect(await canvas.findByText(/already exists/)).toBeVisible();
  },
};
