import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Bench, bench, inbound } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
});
afterEach(() => b.close());

it('runs an inbound call into the runtime app', async () => {
  const res = await inbound(b);
  expect(res.status).toBe(200);
  console.log(b.harness.types(), b.parley.types());
  await b.parley.call('POST', '/channels/s01-flow/answer');
  await b.advance(0);
  console.log(b.harness.types(), b.parley.types());
  const play = await b.parley.call('POST', '/channels/s01-flow/play/pb1', { media: ['sound:hello-world'] });
  console.log(play);
  await b.advance(2000);
  console.log(b.parley.types());
  await b.harness.call('DELETE', '/channels/s01-caller');
  await b.advance(0);
  console.log(b.harness.types(), b.parley.types());
});
