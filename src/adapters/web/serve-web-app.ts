import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromProjectRoot } from '../../platform/project-root.js';

/** Where `vite build` puts the portals (see vite.config.ts). */
export const DEFAULT_WEB_DIR = fromProjectRoot('dist', 'web');

/**
 * Serves the built web app at `/`. The app routes in the browser (history API), so a GET for a
 * page path such as `/member/prior-authorizations/…` answers with index.html; API paths and
 * files that do not exist keep their problem+json 404.
 * Returns the fallback for the not-found handler, or null when no build is present.
 */
export async function serveWebApp(
  app: FastifyInstance,
  webDir: string,
): Promise<((req: FastifyRequest, reply: FastifyReply) => boolean) | null> {
  if (!existsSync(path.join(webDir, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    // Hashed asset names change on every build; index.html must always be fresh.
    setHeaders(res, filePath) {
      res.setHeader(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req, reply) => {
    const url = req.url.split('?')[0];
    const isPage =
      req.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/healthz') && !path.extname(url);
    if (!isPage) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}
