import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveInstances } from '../../src/host/live-instances.js';
import { SYSTEM } from '../../src/services/context.js';
import { EventBus } from '../../src/services/events.js';
import { createFlow, publish, saveVersion } from '../../src/services/flows.js';
import { deleteResource, putResource } from '../../src/services/resources.js';
import type { Store } from '../../src/store/index.js';
import { fixture } from '../server/support.js';
import { storeDrivers } from '../support/stores.js';

const menu = fixture('runs/menu-dtmf/flow.json');
const textOf = (instance: ReturnType<LiveInstances['get']>, flow: string, action: string) =>
  instance?.flow(flow)?.model.actions.find((a) => a.id === action)?.parameters?.Text;

describe('the runtime’s live instances', () => {
  let store: Store;
  const events = new EventBus();
  let live: LiveInstances;
  let scope: Parameters<typeof saveVersion>[0];
  beforeAll(async () => {
    const [driver] = storeDrivers();
    if (!driver) throw new Error('no store');
    store = await driver.open();
    const instance = await store.catalog.createInstance({
      id: 'i1',
      alias: 'acme',
      partition: 'aws',
      region: 'us-east-1',
      account: '123456789012',
    });
    scope = { store, events, instance, actor: SYSTEM };
    live = new LiveInstances(store, mkdtempSync(join(tmpdir(), 'parley-audio-')));
    await live.start(events);
  });
  afterAll(async () => {
    live.stop();
    await store.close();
  });

  it('routes a number only once its flow is published, and runs the published version', async () => {
    const flow = await createFlow(scope, { name: 'Menu', type: 'CONTACT_FLOW' });
    await saveVersion(scope, flow.id, { content: menu });
    await putResource(scope, 'phoneNumber', { number: '+18005550199', flow: flow.id });
    await live.rebuild('i1');
    expect(live.forNumber('+1 (800) 555-0199')?.flowForNumber('18005550199')).toBeUndefined();
    await publish(scope, flow.id);
    await live.rebuild('i1');
    expect(textOf(live.forNumber('18005550199'), 'Menu', 'Welcome')).toBe('Welcome to Parley Bank.');
  });

  it('keeps the instance a running contact started with when a new version is published', async () => {
    const before = live.forNumber('18005550199');
    await saveVersion(scope, 'Menu', { content: menu.replace('Welcome to Parley Bank.', 'Welcome back.') });
    await publish(scope, 'Menu');
    await live.rebuild('i1');
    expect(textOf(live.forNumber('18005550199'), 'Menu', 'Welcome')).toBe('Welcome back.');
    expect(textOf(before, 'Menu', 'Welcome')).toBe('Welcome to Parley Bank.');
  });

  it('rolls back to the older version for new contacts', async () => {
    await publish(scope, 'Menu', { version: 1, action: 'rollback' });
    await live.rebuild('i1');
    expect(textOf(live.forNumber('18005550199'), 'Menu', 'Welcome')).toBe('Welcome to Parley Bank.');
  });

  it("never lets another instance take a number's calls by claiming it too, nor by renumbering an older entry", async () => {
    const globex = await store.catalog.createInstance({
      id: 'i2',
      alias: 'globex',
      partition: 'aws',
      region: 'us-east-1',
      account: '210987654321',
    });
    const other = { ...scope, instance: globex };
    const trap = await createFlow(other, { name: 'Trap', type: 'CONTACT_FLOW' });
    await saveVersion(other, trap.id, { content: menu.replace('Welcome to Parley Bank.', 'Gotcha.') });
    await publish(other, trap.id);
    const old = await putResource(other, 'phoneNumber', { number: '+18005550300', flow: trap.id });
    const mine = await putResource(scope, 'phoneNumber', { number: '+18005550301', flow: 'Menu' });
    await putResource(other, 'phoneNumber', { number: '+18005550301', flow: trap.id }, old.id);
    await putResource(other, 'phoneNumber', { number: '+18005550199', flow: trap.id });
    await Promise.all([live.rebuild('i1'), live.rebuild('i2')]);
    for (const n of ['18005550199', '18005550301'])
      expect([n, textOf(live.forNumber(n), 'Menu', 'Welcome')]).toEqual([n, 'Welcome to Parley Bank.']);
    // Released by the instance that held it, the number rings the other.
    await deleteResource(scope, 'phoneNumber', mine.id);
    await live.rebuild('i1');
    expect(textOf(live.forNumber('18005550301'), 'Trap', 'Welcome')).toBe('Gotcha.');
  });
});
