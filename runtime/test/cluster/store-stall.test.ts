import { randomBytes } from 'node:crypto';
import { type AriClient, createAriClient } from '@parley/ari';
import { afterAll, describe, expect, it } from 'vitest';
import { openClusterPbx, seedFailoverIvr, startWorker, type Worker } from '../../bench/failover.js';
import { FAILOVER_PATH } from '../../bench/failover-flow.js';
import { openStore, type Store } from '../../src/store/index.js';
import { StallProxy } from '../support/stall-proxy.js';
import { testDatabaseUrl } from '../support/stores.js';
import { until } from '../support/until.js';

const url = testDatabaseUrl();
const NUMBER = '+18005550166';

// A worker whose PostgreSQL stops answering mid-call (a partition: its sockets hang, nothing is
// refused) still runs its calls through their flows; what they wrote reaches the store once it heals.
describe.skipIf(!url)('a runtime worker whose PostgreSQL stalls', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let store: Store | undefined;
  let proxy: StallProxy | undefined;
  let pbx: Awaited<ReturnType<typeof openClusterPbx>> | undefined;
  let worker: Worker | undefined;
  let harness: AriClient | undefined;

  afterAll(async () => {
    proxy?.resume();
    harness?.close();
    if (worker?.child.exitCode === null) worker.child.kill('SIGKILL');
    await pbx?.server.close();
    await pbx?.sim.close();
    await proxy?.close();
    await store?.db.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store?.close();
  });

  it('keeps its call going through the flow, and stores its record and flow log once it answers again', async () => {
    store = await openStore({ databaseUrl: url ?? '', postgres: { schema, max: 2 } });
    const instance = await seedFailoverIvr(store, {
      id: '7e57c0de-0000-4000-8000-00000000057a',
      alias: 'stall',
      number: NUMBER,
    });

    const database = new URL(url ?? '');
    proxy = await StallProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    pbx = await openClusterPbx(url ?? '', schema, ['s']);
    const viaProxy = new URL(pbx.env.DATABASE_URL ?? '');
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    worker = await startWorker('s', { ...pbx.env, DATABASE_URL: viaProxy.toString() }, 3_000);

    harness = createAriClient({
      transport: pbx.sim.transport({ username: 'harness', password: 'harness' }),
      app: 'harness',
    });
    await harness.connect();
    const callerId = harness.newId('stall');
    let ended = false;
    harness.on('ChannelDestroyed', (e) => {
      if (e.channel.id === `${callerId}-caller`) ended = true;
    });
    await harness.channels.originate({
      endpoint: `Local/${NUMBER.slice(1)}@from-s/n`,
      app: 'harness',
      appArgs: 'caller',
      channelId: `${callerId}-caller`,
      otherChannelId: `${callerId}-flow`,
      timeout: 30,
    });
    // Into its first prompt, past the blocks that read the store: then the store stops answering.
    const flowLeg = `${callerId}-flow`;
    await until(() => pbx?.sim.channel(flowLeg)?.state === 'Up', 'the flow answered');
    await new Promise((r) => setTimeout(r, 500));
    proxy.stall();

    // The flow (prompts and 2 s waits) runs to its DisconnectParticipant with the store stalled.
    await until(() => ended, 'the flow disconnected the caller while the store hung', 60_000);
    expect(pbx.sim.channel(flowLeg)).toBeUndefined();

    proxy.resume();
    let contactId = '';
    let record: Awaited<ReturnType<Store['contacts']['contactRecord']>>;
    await until(async () => {
      contactId = (await store?.contacts.contacts(instance.id, { limit: 10 }))?.[0]?.contactId ?? '';
      record = contactId ? await store?.contacts.contactRecord(instance.id, contactId) : undefined;
      return record !== undefined;
    }, 'the contact record stored');
    expect(record?.DisconnectReason).toBe('CONTACT_FLOW_DISCONNECT');
    let logged: string[] = [];
    await until(async () => {
      const logs = (await store?.contacts.flowLogs(instance.id, { contactId, limit: 100 })) ?? [];
      logged = logs.map((l) => String(l.entry.Identifier));
      return logged.length === FAILOVER_PATH.length;
    }, 'the whole flow log stored');
    expect(logged).toEqual(FAILOVER_PATH);
    expect(worker.child.exitCode).toBeNull();
  }, 120_000);
});
