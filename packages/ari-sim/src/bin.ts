/**
 * Runs ari-sim as a server with the default configuration (users parley/harness, the test
 * dialplan, the shipped sounds): `tsx packages/ari-sim/src/bin.ts --port 8088 [--host 0.0.0.0]`.
 */
import { parseArgs } from 'node:util';
import { createAriSim } from './sim.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8088' },
    host: { type: 'string', default: '127.0.0.1' },
    'runtime-app': { type: 'string', default: 'parley' },
    'harness-app': { type: 'string', default: 'harness' },
  },
});

const sim = createAriSim({ runtimeApp: values['runtime-app'], harnessApp: values['harness-app'] });
const server = await sim.listen({ port: Number(values.port), host: values.host });
console.log(
  `ari-sim listening on ${server.url} (users: ${sim.config.users.map((u) => u.username).join(', ')})`,
);

const stop = async () => {
  await server.close();
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
