// A runtime bench section in a process of its own, started by `pnpm bench` with the V8 flags a
// worker serving calls runs with (CALL_SERVING_NODE_FLAGS): `as-worker.ts <calls|contacts>`. Prints
// the section's result as one JSON line.
import { benchCalls } from './calls.bench.js';
import { benchContacts } from './contacts.bench.js';

const sections: Readonly<Record<string, () => Promise<unknown>>> = {
  calls: benchCalls,
  contacts: benchContacts,
};
const name = process.argv[2] ?? '';
const section = sections[name];
if (!section) throw new Error(`as-worker.ts runs ${Object.keys(sections).join(' or ')}, not ${name}`);
process.stdout.write(`${JSON.stringify(await section())}\n`);
