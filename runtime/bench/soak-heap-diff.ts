// `node --import ./scripts/lib/ts-register.mjs runtime/bench/soak-heap-diff.ts <before> <after>`:
// what grew between two heap snapshots (`pnpm soak --heap-snapshots <dir>` writes one at the end of
// warm-up and one at the end), by kind of object: a constructor's instances, a closure's name, a
// string, an array. A leak shows as a kind that grows with the calls served while the calls up at
// once stay the same.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface Kind {
  count: number;
  bytes: number;
}

function kinds(path: string): Map<string, Kind> {
  const heap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const byKind = new Map<string, Kind>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt] ?? 0] ?? '?';
    const name = heap.strings[heap.nodes[i + nameAt] ?? 0] ?? '?';
    // Strings and numbers are named by their value: one kind for all of them.
    const kind =
      type === 'object' || type === 'closure' || type === 'native' ? `${type} ${name.slice(0, 60)}` : type;
    const k = byKind.get(kind) ?? { count: 0, bytes: 0 };
    k.count++;
    k.bytes += heap.nodes[i + sizeAt] ?? 0;
    byKind.set(kind, k);
  }
  return byKind;
}

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: soak-heap-diff.ts <before.heapsnapshot> <after.heapsnapshot>');
  process.exit(2);
}
const before = kinds(beforePath);
const after = kinds(afterPath);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((kind) => {
  const b = before.get(kind) ?? { count: 0, bytes: 0 };
  const a = after.get(kind) ?? { count: 0, bytes: 0 };
  return { kind, count: a.count - b.count, bytes: a.bytes - b.bytes, total: a.count };
});
const total = (m: Map<string, Kind>) => [...m.values()].reduce((sum, k) => sum + k.bytes, 0);
console.log(`self size: ${(total(before) / 2 ** 20).toFixed(2)} → ${(total(after) / 2 ** 20).toFixed(2)} MB`);
console.log('bytes Δ     count Δ   count  kind');
for (const r of rows.sort((x, y) => y.bytes - x.bytes).slice(0, 40))
  console.log(
    `${String(r.bytes).padStart(9)}  ${String(r.count).padStart(8)}  ${String(r.total).padStart(6)}  ${r.kind}`,
  );
