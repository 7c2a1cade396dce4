import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server serves web/dist in production; in development Vite proxies the API to it.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Office PCs often run browsers a few years old: keep the syntax conservative.
    target: 'es2020',
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
