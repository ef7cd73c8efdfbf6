import type { Decorator } from '@storybook/react-vite';

/** The side column's width, which the versions, test-call and replay panels live in. */
export const sideColumn: Decorator = (Story) => (
  <div style={{ width: 300 }}>
    <Story />
  </div>
);

/** The page below the app's header, which the editor and the flow canvas fill. */
export const fillPage: Decorator = (Story) => (
  <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
    <Story />
  </div>
);
