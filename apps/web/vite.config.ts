import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const fromWeb = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  // The design system's favicons and icons are served as they ship, from the site root.
  publicDir: fromWeb('../../node_modules/nhsuk-frontend/dist/nhsuk/assets/images'),
  plugins: [react()],
  resolve: {
    alias: {
      // Read the shared rules from source so the client never runs a stale build of them.
      '@commonplan/domain': fromWeb('../../libs/domain/src/index.ts'),
      '@commonplan/protocol': fromWeb('../../libs/protocol/src/index.ts'),
      '@commonplan/editor': fromWeb('../../libs/editor/src/index.ts'),
      '@commonplan/collab-client': fromWeb('../../libs/collab-client/src/index.ts'),
    },
  },
  build: {
    outDir: fromWeb('dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  preview: { port: 4300 },
});
