import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portals: one React app in web/, built to dist/web and served by the API server at `/`.
// `npm run dev:web` proxies the API to a running `npm start`.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
});
