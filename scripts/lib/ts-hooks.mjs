// Module hooks that run the repository's TypeScript on Node: `.js` specifiers that name a `.ts`
// source resolve to it, and `.ts` files are transpiled by esbuild. Unlike tsx, without esbuild's
// keepNames: its `__name` helper gives every named closure a `defineProperty` and a dictionary
// property store, which cost the runtime about a fifth of its heap per contact and a few per cent
// of its CPU. Function names stay as V8 infers them, except where esbuild renames a binding that
// collides with another in the module (`inner` → `inner2`), which only shows in stack traces.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

// ES modules only: the hooks emit `format: 'module'`, which a `.cts` file is not.
const TS = /\.m?tsx?$/;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    // Sources import each other as `./x.js`, as TypeScript's node16 resolution wants.
    const isRelative = specifier.startsWith('.') || specifier.startsWith('file:');
    if (!isRelative || !/\.(?:c|m)?js$/.test(specifier) || !context.parentURL || !TS.test(context.parentURL))
      throw error;
    return next(specifier.replace(/js$/, 'ts'), context);
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !TS.test(url)) return next(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const { code } = await transform(source, {
    loader: path.endsWith('x') ? 'tsx' : 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    sourcefile: path,
    sourcemap: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
