import '@xyflow/react/dist/style.css';
import '../src/app/app.css';
import type { Preview } from '@storybook/react-vite';

const preview: Preview = {};
export default preview;
