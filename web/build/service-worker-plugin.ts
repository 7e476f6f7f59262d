/**
 * Emits the service worker (web/build/service-worker.js) as /app/sw.js with the build's shell
 * files and a version hashed from them, so every build that changes the app replaces the cache
 * of the one before (D28).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const SOURCE = new URL('./service-worker.js', import.meta.url);

export function serviceWorker(): Plugin {
  return {
    name: 'dowoz-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f !== 'index.html' && /\.(js|css|png|svg|woff2?)$/.test(f)).sort();
      const hash = createHash('sha256');
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name]!;
        hash.update(name).update(item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source));
      }
      const worker = readFileSync(SOURCE, 'utf8');
      hash.update(worker);
      const version = hash.digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = ${JSON.stringify(version)};\nconst SHELL = ${JSON.stringify(files)};\n${worker}`,
      });
    },
  };
}
