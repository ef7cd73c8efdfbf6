import { request, Agent } from 'node:http';
import { startLocalFunction } from './support.ts';
const f = await startLocalFunction();
for (let k = 0; k < 2; k++) {
let t = performance.now();
for (let i = 0; i < 200; i++) { const r = await fetch(f.url, { method: 'POST', body: '{"a":1}' }); await r.text(); }
console.log('sequential fetch ms each', ((performance.now() - t) / 200).toFixed(2));
const agent = new Agent({ keepAlive: true });
t = performance.now();
for (let i = 0; i < 200; i++) await new Promise<void>((res) => { const q = request(f.url, { method: 'POST', agent }, (r) => { r.resume(); r.on('end', () => res()); }); q.end('{"a":1}'); });
console.log('sequential http ms each', ((performance.now() - t) / 200).toFixed(2));
t = performance.now();
await Promise.all(Array.from({length: 200}, async () => { const r = await fetch(f.url, { method: 'POST', body: '{"a":1}' }); await r.text(); }));
console.log('parallel fetch total ms', ((performance.now() - t)).toFixed(2));
}
await f.close();
