// ari-sim in its own process for the socket benchmarks: prints `{"url": …}` once listening,
// answers `{"rssKb": …}` on each stdin line, exits when stdin closes.
import { createInterface } from 'node:readline';
import { createAriSim } from '@parley/ari-sim';

const sim = createAriSim();
const server = await sim.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url: server.url }));
const lines = createInterface({ input: process.stdin });
lines.on('line', () => console.log(JSON.stringify({ rssKb: Math.round(process.memoryUsage().rss / 1024) })));
lines.on('close', () => {
  void server.close().then(() => process.exit(0));
});
