/** Builds the web app (web/) into dist/web; express serves it at /app/ (src/api/routes/web.routes.ts). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { serviceWorker } from './web/build/service-worker-plugin.js';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/app/',
  // The shell cached for the driver's page without signal (D28).
  plugins: [serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The page runs on dispatchers' office PCs and drivers' phones: current browsers only.
    target: 'es2022',
  },
  // `vite` in development: the API runs on :3000, the page asks it through the dev server.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
