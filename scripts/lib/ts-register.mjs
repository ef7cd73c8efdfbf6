// `node --import ./scripts/lib/ts-register.mjs file.ts`: see ts-hooks.mjs.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./ts-hooks.mjs', import.meta.url);
