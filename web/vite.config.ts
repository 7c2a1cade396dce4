import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a .br and a .gz twin next to every text file of the build, compressed once at their best levels; the
 * server sends the twin the browser accepts (@fastify/static preCompressed) instead of compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'mektep-precompress',
    apply: 'build',
    configResolved(config) {
      // resolve, not join: a production install builds into an absolute folder elsewhere.
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|json|svg|txt)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The server serves web/dist in production; in development Vite proxies the API to it.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  resolve: {
    // react-router's package exports only its development build to bundlers (warnings and checks included);
    // the app ships the production build it also contains.
    alias: [
      {
        find: /^react-router$/,
        replacement: fileURLToPath(
          new URL('../node_modules/react-router/dist/production/index.mjs', import.meta.url),
        ),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Office PCs often run browsers a few years old: keep the syntax conservative.
    target: 'es2020',
    // .vite/manifest.json maps each page's module to the chunks it needs: scripts/bundle-size.js reads it.
    manifest: true,
    chunkSizeWarningLimit: 250,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
