import { systemClock } from '@parley/ari';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreCheckpoints } from '../../src/cluster/checkpoints.js';
import { ClusterWorker } from '../../src/cluster/worker.js';
import type { ContactSnapshot } from '../../src/contact/runner.js';
import type { LiveContactRow, Store, WorkerRow } from '../../src/store/index.js';
import { storeDrivers } from '../support/stores.js';

const snapshot = (contactId: string, steps: number): ContactSnapshot => ({
  contactId,
  frames: [],
  steps,
  startedAt: 0,
  flows: ['Main'],
  ivrRecorded: false,
});
const live = (contactId: string, steps: number) => ({
  contactId,
  channelId: `chan-${contactId}`,
  dialled: '+18005550100',
  snapshot: snapshot(contactId, steps),
});
/** Long enough that its lease never lapses during a test. */
const HOUR = 3_600_000;
const lapse = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each(storeDrivers())('cluster workers on $name', (driver) => {
  let store: Store;
  const workers: ClusterWorker[] = [];
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close();
    await store?.close();
  });

  interface Log {
    adopted: string[];
    fenced: number;
  }
  const newLog = (): Log => ({ adopted: [], fenced: 0 });

  function worker(id: string, leaseMs: number, log: Log) {
    const w = new ClusterWorker({
      store,
      clock: systemClock,
      workerId: id,
      app: `parley-${id}`,
      leaseMs,
      adopt: async (dead: WorkerRow[], contacts: LiveContactRow[]) => {
        log.adopted.push(`${dead.map((w) => w.id).join(',')}:${contacts.map((c) => c.contactId).join(',')}`);
      },
      onFenced: () => {
        log.fenced++;
      },
    });
    workers.push(w);
    return w;
  }

  it('adopts a worker whose lease ran out once, with its checkpointed contacts', async () => {
    store = await driver.open();
    const b = newLog();
    const c = newLog();
    await store.cluster.register({ id: 'dead', app: 'parley-dead' }, 1);
    const checkpoints = new StoreCheckpoints(store, 'dead');
    await Promise.all([checkpoints.save(live('c1', 1)), checkpoints.save(live('c2', 1))]);
    const wb = worker('b', HOUR, b);
    const wc = worker('c', HOUR, c);
    await Promise.all([wb.start(), wc.start()]);
    await lapse();
    // Both look at once; the store lets only one have it.
    const [byB, byC] = await Promise.all([wb.watch(), wc.watch()]);
    expect([...byB, ...byC].map((w) => w.id)).toEqual(['dead']);
    const adoptions = [...b.adopted, ...c.adopted];
    expect(adoptions).toHaveLength(1);
    expect(adoptions[0]?.split(':')[1]?.split(',').sort()).toEqual(['c1', 'c2']);
    const adopter = byB.length > 0 ? 'b' : 'c';
    expect(await store.cluster.contactCounts()).toEqual({ [adopter]: 2 });
    // A live worker is never adopted.
    expect(await wb.watch()).toEqual([]);
  });

  it('agrees on the longest-running live worker to run the contact centers, and on its successor', async () => {
    store = await driver.open();
    const first = worker('first', 200, newLog());
    const second = worker('second', HOUR, newLog());
    await first.start('http://127.0.0.1:1111');
    await second.start('http://127.0.0.1:2222');
    expect(await second.centerWorker()).toEqual({
      id: 'first',
      app: 'parley-first',
      url: 'http://127.0.0.1:1111',
    });
    expect(first.center?.id).toBe('first');
    // The first stops renewing: once its lease ran out, the second runs them.
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await second.centerWorker())?.id).toBe('second');
  });

  it("passes a contact's checkpoint to another worker only from the worker that holds it", async () => {
    store = await driver.open();
    await new StoreCheckpoints(store, 'b').save(live('c1', 3));
    expect(await store.cluster.passContact('c1', 'x', 'a')).toBe(false);
    expect(await store.cluster.contact('c1', 'a')).toBeUndefined();
    expect(await store.cluster.passContact('c1', 'b', 'a')).toBe(true);
    expect(await store.cluster.contact('c1', 'a')).toMatchObject({
      channelId: 'chan-c1',
      snapshot: { steps: 3 },
    });
    // b's late writes and removal no longer touch it.
    await new StoreCheckpoints(store, 'b').save(live('c1', 4));
    await store.cluster.removeContacts('b', ['c1']);
    expect((await store.cluster.contact('c1', 'a'))?.snapshot).toMatchObject({ steps: 3 });
  });

  it("keeps each signed-in agent's chosen status, the latest one, until they sign out", async () => {
    store = await driver.open();
    await store.cluster.saveAgentState('i1', 'alice', 'Offline');
    await store.cluster.saveAgentState('i1', 'alice', 'Available');
    await store.cluster.saveAgentState('i1', 'bob', { custom: 'Break' });
    await store.cluster.saveAgentState('i2', 'alice', 'Available');
    await store.cluster.saveAgentState('i2', 'alice', null);
    expect(await store.cluster.agentStates()).toEqual([
      { instanceId: 'i1', userId: 'alice', status: 'Available' },
      { instanceId: 'i1', userId: 'bob', status: { custom: 'Break' } },
    ]);
  });

  it('hands the apps a worker had adopted to whoever adopts that worker', async () => {
    store = await driver.open();
    const log = newLog();
    await store.cluster.register({ id: 'first', app: 'parley-first' }, 1);
    await store.cluster.register({ id: 'second', app: 'parley-second' }, HOUR);
    await lapse();
    expect((await store.cluster.adoptExpired('second')).map((w) => w.id)).toEqual(['first']);
    await store.cluster.expire('second');
    const third = worker('third', HOUR, log);
    await third.start();
    expect((await third.watch()).map((w) => w.app).sort()).toEqual(['parley-first', 'parley-second']);
  });

  it('tells a worker that was adopted while it still ran that it must stop', async () => {
    store = await driver.open();
    const slow = newLog();
    const stalled = worker('stalled', 1, slow);
    await stalled.start();
    await stalled.close();
    await lapse();
    const other = worker('other', HOUR, newLog());
    await other.start();
    await other.watch();
    expect(await store.cluster.renew('stalled', HOUR)).toBe(false);
    // Registering again (a restarted worker) gives it its own app back.
    await store.cluster.register({ id: 'stalled', app: 'parley-stalled' }, HOUR);
    expect(await store.cluster.renew('stalled', HOUR)).toBe(true);
  });

  it('keeps only the latest checkpoint of a contact and forgets a contact that ended', async () => {
    store = await driver.open();
    const checkpoints = new StoreCheckpoints(store, 'w');
    await Promise.all([1, 2, 3].map((steps) => checkpoints.save(live('c1', steps))));
    checkpoints.remove('gone');
    await checkpoints.save(live('gone', 1));
    checkpoints.remove('gone');
    await checkpoints.drain();
    const taken = await store.cluster.takeContacts(['w'], 'x');
    expect(taken.map((c) => [c.contactId, (c.snapshot as ContactSnapshot).steps])).toEqual([['c1', 3]]);
  });

  it("leaves the adopter's contacts alone when the adopted worker writes late", async () => {
    store = await driver.open();
    const late = new StoreCheckpoints(store, 'old');
    await late.save(live('c1', 1));
    await store.cluster.takeContacts(['old'], 'new');
    await late.save(live('c1', 9));
    late.remove('c1');
    await late.drain();
    const kept = await store.cluster.takeContacts(['new'], 'new');
    expect(kept.map((c) => [c.contactId, (c.snapshot as ContactSnapshot).steps])).toEqual([['c1', 1]]);
  });

  it('lets contacts go on when the store refuses their checkpoint', async () => {
    store = await driver.open();
    const errors: unknown[] = [];
    const checkpoints = new StoreCheckpoints(store, 'w', (e) => errors.push(e));
    await store.db.exec('DROP TABLE live_contacts');
    await expect(checkpoints.save(live('c1', 1))).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
