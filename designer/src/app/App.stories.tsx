import type { Meta, StoryObj } from '@storybook/react-vite';
import { App } from './App.js';

// The key hooks.ts keeps the token under.
const TOKEN_KEY = 'parley.token';

/**
 * The designer as a first visit finds it: no token kept, so it asks for one. The story's page
 * forgets any token while it shows, and puts it back after.
 */
const meta = {
  component: App,
  parameters: { layout: 'fullscreen' },
  beforeEach: () => {
    const kept = localStorage.getItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
    return () => {
      if (kept !== null) localStorage.setItem(TOKEN_KEY, kept);
    };
  },
} satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignIn: Story = {};
