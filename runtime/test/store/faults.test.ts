import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInstanceBundle, importInstanceBundle } from '../../src/services/bundles/index.js';
import type { Actor, InstanceScope } from '../../src/services/context.js';
import { EventBus, type ParleyEvent } from '../../src/services/events.js';
import { createFlow, publish, saveVersion } from '../../src/services/flows.js';
import { isStoreDown } from '../../src/services/problem.js';
import { putResource } from '../../src/services/resources.js';
import { importFlow } from '../../src/services/transfer.js';
import { type InstanceRow, Store } from '../../src/store/index.js';
import { everyRow, FaultyDb, type StoreFault } from '../support/faulty-db.js';
import { storeDrivers } from '../support/stores.js';

const ACTOR: Actor = { id: 'tok-1', name: 'ann' };

/** A flow that plays an instance prompt, named by whatever reference the caller gives. */
const flowJson = (name: string, prompt: string, text = 'Hello') => ({
  Version: '2019-10-30',
  StartAction: 'Welcome',
  Metadata: { name, type: 'contactFlow' },
  Actions: [
    {
      Identifier: 'Welcome',
      Type: 'MessageParticipant',
      Parameters: { PromptId: prompt },
      Transitions: { NextAction: 'Say', Errors: [{ NextAction: 'Say', ErrorType: 'NoMatchingError' }] },
    },
    {
      Identifier: 'Say',
      Type: 'MessageParticipant',
      Parameters: { Text: text },
      Transitions: { NextAction: 'Bye', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
    },
    { Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
});

describe.each(storeDrivers())('the store going away on $name', (driver) => {
  let base: Store;
  let faulty: FaultyDb;
  let store: Store;
  const heard: ParleyEvent[] = [];
  const events = new EventBus();
  events.subscribe((e) => heard.push(e));
  let acme: InstanceRow;
  let source: InstanceRow;
  let other: InstanceRow;
  let promptArn: string;
  const scope = (instance: InstanceRow): InstanceScope => ({ store, events, instance, actor: ACTOR });

  beforeAll(async () => {
    base = await driver.open();
    faulty = new FaultyDb(base.db);
    store = new Store(faulty);
    const instance = (id: string, alias: string) =>
      store.catalog.createInstance({
        id,
        alias,
        partition: 'aws',
        region: 'us-east-1',
        account: '123456789012',
      });
    acme = await instance('i-acme', 'acme');
    source = await instance('i-source', 'source');
    other = await instance('i-other', 'other');
    promptArn = (await putResource(scope(acme), 'prompt', { name: 'Welcome', file: 'beep' })).arn;
    // What the bundle carries: a prompt and a published flow that plays it.
    const sourcePrompt = await putResource(scope(source), 'prompt', { name: 'Welcome', file: 'beep' });
    const flow = await createFlow(scope(source), { name: 'Main', type: 'CONTACT_FLOW' });
    await saveVersion(scope(source), flow.id, { content: { json: flowJson('Main', sourcePrompt.arn) } });
    await publish(scope(source), flow.id);
  });
  afterAll(() => base?.close());

  /**
   * Runs `operation` once for every statement it makes, that statement failing (the store gone),
   * then once with its commit failing, and finally untouched. Each failed run must leave every
   * table as it was, tell no listener of anything, and fail with an error the API answers as
   * STORE_UNAVAILABLE; the last run must succeed. Returns how many statements it took.
   */
  async function sweep(operation: () => Promise<unknown>): Promise<number> {
    const faults: StoreFault[] = [{ commit: true }];
    for (let n = 1; ; n++) {
      const fault: StoreFault = faults.shift() ?? { statement: n - 1 };
      if ('statement' in fault && fault.statement === 0) continue;
      const before = await everyRow(base);
      heard.length = 0;
      faulty.arm(fault);
      const outcome = await operation().then(
        () => 'done' as const,
        (error: unknown) => error,
      );
      const fired = faulty.fired;
      const statements = faulty.statements;
      faulty.disarm();
      if (!fired) {
        // Past its last statement: the operation ran untouched and must have worked.
        expect(outcome).toBe('done');
        return statements;
      }
      expect([fault, outcome === 'done' ? 'done' : isStoreDown(outcome)]).toEqual([fault, true]);
      expect(heard).toEqual([]);
      expect(await everyRow(base)).toEqual(before);
    }
  }

  it('saving a version writes all of it or nothing', async () => {
    const flow = await createFlow(scope(acme), { name: 'Saved', type: 'CONTACT_FLOW' });
    const statements = await sweep(() =>
      saveVersion(scope(acme), flow.id, { content: { json: flowJson('Saved', promptArn) } }),
    );
    expect(statements).toBeGreaterThan(3);
    expect((await store.flows.versions(acme.id, flow.id)).map((v) => v.version)).toEqual([1]);
    expect(heard.map((e) => e.type)).toEqual(['flow.saved']);
  });

  it('publishing writes the publication, the pin and the audit entry together or not at all', async () => {
    const flow = await createFlow(scope(acme), { name: 'Published', type: 'CONTACT_FLOW' });
    await saveVersion(scope(acme), flow.id, { content: { json: flowJson('Published', promptArn) } });
    await sweep(() => publish(scope(acme), flow.id));
    expect((await store.flows.publications(acme.id, flow.id)).map((p) => p.version)).toEqual([1]);
    expect((await store.flows.get(acme.id, flow.id))?.publishedVersion).toBe(1);
    expect(heard.map((e) => e.type)).toEqual(['flow.published']);
  });

  it('importing a flow creates it with its version and audit entries together or not at all', async () => {
    await sweep(() => importFlow(scope(acme), { json: flowJson('Imported', promptArn, 'Imported') }));
    expect((await store.flows.list(acme.id)).filter((f) => f.name === 'Imported')).toHaveLength(1);
    // Told once the import committed, not while it was still in its transaction.
    expect(heard.map((e) => e.type)).toEqual(['flow.saved']);
  });

  it('importing into an existing flow adds the version or nothing', async () => {
    const flow = await createFlow(scope(acme), { name: 'Target', type: 'CONTACT_FLOW' });
    await sweep(() =>
      importFlow(scope(acme), { json: flowJson('Target', promptArn, 'Again') }, { flow: flow.id }),
    );
    expect((await store.flows.versions(acme.id, flow.id)).map((v) => v.version)).toEqual([1]);
  });

  it('importing an instance bundle writes every resource, flow and publication or none', async () => {
    const bundle = await exportInstanceBundle({ ...scope(source), store: base });
    const statements = await sweep(() => importInstanceBundle(scope(other), bundle));
    expect(statements).toBeGreaterThan(10);
    expect((await store.flows.list(other.id)).map((f) => [f.name, f.publishedVersion])).toEqual([
      ['Main', 1],
    ]);
    expect((await store.catalog.resources(other.id)).map((r) => r.name)).toEqual(['Welcome']);
    // Told of what the bundle changed once it committed, and only then.
    expect(heard.map((e) => e.type).sort()).toEqual(['flow.published', 'flow.saved', 'resource.changed']);
  });

  it('saving a resource writes it and its audit entry together or not at all', async () => {
    await sweep(() => putResource(scope(acme), 'queue', { name: 'Support' }));
    expect((await store.catalog.resources(acme.id, 'queue')).map((r) => r.name)).toEqual(['Support']);
  });
});
