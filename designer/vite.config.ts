import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `parley start` serves dist/ at `/` and the API at `/api`; `pnpm --filter @parley/designer dev`
// proxies the API to a running `parley start` (PARLEY_URL, else the default port).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across rebuilds.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z]+)[\\/]/ },
            { name: 'flow', test: /packages[\\/]flow[\\/]|node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': process.env.PARLEY_URL ?? 'http://127.0.0.1:8080' } },
});
