/**
 * Serves the web app (issue #6) at /app/: the Vite build in dist/web, index.html for any other
 * path under /app/ (the app routes by hash, but a reload of a deep link must still work), and
 * /app/config.json with the installation's settings for the page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { AppError } from '../../errors.js';

export interface WebOptions {
  /** Leaflet tile URL template (env MAP_TILE_URL); the page stays usable when tiles fail. */
  readonly mapTileUrl?: string | undefined;
  readonly mapAttribution?: string | undefined;
  /** The Vite build output; default dist/web at the repository root. */
  readonly distDir?: string;
}

export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const DEFAULT_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export function webRoutes(options: WebOptions = {}): Router {
  const dist = options.distDir ?? WEB_DIST_DIR;
  const config = {
    mapTileUrl: options.mapTileUrl || DEFAULT_MAP_TILE_URL,
    mapAttribution: options.mapAttribution ?? DEFAULT_ATTRIBUTION,
  };
  const r = Router();
  r.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(config);
  });
  // Vite names assets by content hash, so they can be cached for good; index.html never.
  r.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y' }));
  // A missing asset is a 404, not the index page (a stale page asking for an old bundle).
  r.use('/assets', () => {
    throw new AppError('NOT_FOUND', 'Nie ma takiego pliku', { messageEn: 'No such file' });
  });
  r.use(express.static(dist, { index: false }));
  r.get('/{*path}', (_req, res) => {
    const index = join(dist, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text').send('Aplikacja nie jest zbudowana: npm run build:web / The web app is not built: npm run build:web');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}
