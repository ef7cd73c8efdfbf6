import type { StorybookConfig } from '@storybook/react-vite';
import { blockExports, blockIndexer } from './blocks.js';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.tsx'],
  // No addons: the stories are for looking at components and for the browser test that renders each.
  addons: [],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Prop tables need the docs addon, which is not installed; docgen would only slow the build.
  typescript: { reactDocgen: false },
  experimental_indexers: async (indexers) => [blockIndexer, ...(indexers ?? [])],
  viteFinal: async (vite) => ({ ...vite, plugins: [...(vite.plugins ?? []), blockExports()] }),
};

export default config;
