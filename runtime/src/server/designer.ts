import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { cspHeader, DESIGNER_CSP } from './security.js';

/** Where `pnpm --filter @parley/designer build` writes the designer. */
export const DESIGNER_DIST = fileURLToPath(new URL('../../../designer/dist', import.meta.url));

const DESIGNER_POLICY = cspHeader(DESIGNER_CSP);

/** The API and its documentation keep their own 404s: the designer never answers for them. */
const RESERVED = /^(api|docs)(\/|$)/;

/** The file `wanted` names inside `root`, or undefined (missing, a folder, or outside root). */
async function fileIn(root: string, wanted: string): Promise<string | undefined> {
  if (wanted === '') return undefined;
  const path = resolve(root, wanted);
  if (!path.startsWith(root + sep)) return undefined;
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() ? path.slice(root.length + 1) : undefined;
}

/**
 * Serves the built designer at `/`: its files, and index.html for every other GET (the designer
 * routes in the browser, so a deep link like /instances/demo/flows/x must load the app). Public:
 * the files hold no data; the designer asks for a token before it calls the API.
 */
export function designerPlugin(options: { dist?: string } = {}) {
  const root = resolve(options.dist ?? DESIGNER_DIST);
  return async (app: FastifyInstance) => {
    // sendFile only: one route below decides between a file and the app's fallback.
    await app.register(fastifyStatic, { root, serve: false });
    app.get<{ Params: { '*': string } }>(
      '/*',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        const wanted = request.params['*'];
        if (RESERVED.test(wanted)) return reply.callNotFound();
        // The designer's files run under its policy; the rest keeps the API's (security.ts).
        reply.header('content-security-policy', DESIGNER_POLICY);
        const file = await fileIn(root, wanted);
        // Vite names assets by content hash: they never change under the same name.
        if (file?.startsWith('assets/')) return reply.sendFile(file, { maxAge: '365d', immutable: true });
        if (file) return reply.sendFile(file);
        // A missing script or style must not come back as HTML.
        if (wanted.startsWith('assets/')) return reply.callNotFound();
        if (!(await fileIn(root, 'index.html')))
          return reply
            .status(503)
            .type('text/plain; charset=utf-8')
            .send('The designer is not built: run pnpm --filter @parley/designer build\n');
        return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
      },
    );
  };
}
