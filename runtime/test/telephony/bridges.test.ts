import { ManualClock } from '@parley/ari';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { clearAppBridges, createAppBridge } from '../../src/telephony/bridges.js';
import { openSimulatedCalls, type SimulatedCalls } from '../support/simulated-calls.js';

let calls: SimulatedCalls;

beforeEach(async () => {
  calls = await openSimulatedCalls(new ManualClock());
});
afterEach(() => calls.close());

it("names a bridge for its client's app, and clears only that app's bridges, leaving their calls up", async () => {
  const { runtimeAri, harnessAri, sim } = calls;
  const { call } = await calls.answeredCall();
  const ours = await createAppBridge(runtimeAri, 'conv');
  const theirs = await createAppBridge(harnessAri, 'conv');
  await runtimeAri.bridges.addChannel({ bridgeId: ours, channel: [call.channelId] });
  expect(sim.bridges().map((b) => [b.id, b.name])).toEqual([
    [ours, runtimeAri.apps[0]],
    [theirs, harnessAri.apps[0]],
  ]);

  expect(await clearAppBridges(harnessAri, runtimeAri.apps[0] ?? '')).toBe(1);
  expect(sim.bridges().map((b) => b.id)).toEqual([theirs]);
  expect(sim.channel(call.channelId)).toMatchObject({ state: 'Up' });
  expect(await clearAppBridges(harnessAri, runtimeAri.apps[0] ?? '')).toBe(0);
});
