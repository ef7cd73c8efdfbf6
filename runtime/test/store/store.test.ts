import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Store } from '../../src/store/index.js';
import { storeDrivers } from '../support/stores.js';

const acme = { id: 'i-acme', alias: 'acme', partition: 'aws', region: 'us-east-1', account: '123456789012' };
const arn = (rest: string) => `arn:aws:connect:us-east-1:123456789012:instance/i-acme/${rest}`;
const version = (content: string) => ({
  hash: `h-${content}`,
  author: 'ann',
  message: 'm',
  content,
  errors: 0,
  warnings: 0,
});

describe.each(storeDrivers())('the store on $name', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open();
    await store.catalog.createInstance(acme);
  });
  afterAll(() => store?.close());

  it('migrating again applies nothing', async () => {
    expect(await migrate(store.db)).toEqual([]);
  });

  it('finds an instance by id and by alias', async () => {
    expect((await store.catalog.instance('acme'))?.id).toBe('i-acme');
    expect((await store.catalog.instance('i-acme'))?.alias).toBe('acme');
    expect(await store.catalog.instance('nobody')).toBeUndefined();
  });

  it('keeps resources by kind and finds them by id, ARN or name', async () => {
    await store.catalog.putResource({
      instanceId: 'i-acme',
      kind: 'queue',
      id: 'q1',
      name: 'Billing',
      arn: arn('queue/q1'),
      data: { maxContacts: 5 },
    });
    for (const ref of ['q1', arn('queue/q1'), 'Billing'])
      expect((await store.catalog.resource('i-acme', 'queue', ref))?.data).toEqual({ maxContacts: 5 });
    expect(await store.catalog.resource('i-acme', 'prompt', 'q1')).toBeUndefined();
  });

  it('refuses two resources of one kind with the same name', async () => {
    const twin = {
      instanceId: 'i-acme',
      kind: 'queue',
      id: 'q2',
      name: 'Billing',
      arn: arn('queue/q2'),
      data: {},
    };
    await expect(store.catalog.putResource(twin)).rejects.toThrow();
  });

  it('numbers versions one after another even when saves race', async () => {
    await store.flows.create({
      instanceId: 'i-acme',
      id: 'f1',
      type: 'CONTACT_FLOW',
      name: 'Main',
      description: '',
      arn: arn('contact-flow/f1'),
    });
    const save = (c: string) =>
      store.transaction(async (tx) => {
        await tx.flows.get('i-acme', 'f1', { forUpdate: true });
        return tx.flows.addVersion('i-acme', 'f1', version(c));
      });
    const saved = await Promise.all(['a', 'b', 'c', 'd'].map(save));
    expect(saved.map((v) => v.version).sort()).toEqual([1, 2, 3, 4]);
    expect((await store.flows.get('i-acme', 'Main'))?.latestVersion).toBe(4);
    expect((await store.flows.versions('i-acme', 'f1')).map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('finds a flow by an ARN that carries a qualifier', async () => {
    expect((await store.flows.get('i-acme', `${arn('contact-flow/f1')}:$SAVED`))?.id).toBe('f1');
  });

  it('writes nothing of a transaction that fails', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.flows.addVersion('i-acme', 'f1', version('lost'));
        await tx.flows.publish('i-acme', 'f1', 5, 'publish', 'ann');
        throw new Error('the request failed halfway');
      }),
    ).rejects.toThrow('halfway');
    expect((await store.flows.get('i-acme', 'f1'))?.latestVersion).toBe(4);
    expect((await store.flows.get('i-acme', 'f1'))?.publishedVersion).toBeNull();
    expect(await store.flows.version('i-acme', 'f1', 5)).toBeUndefined();
  });

  it('pins a published version and keeps the history of publications', async () => {
    await store.flows.publish('i-acme', 'f1', 3, 'publish', 'ann');
    await store.flows.publish('i-acme', 'f1', 2, 'rollback', 'bob');
    expect((await store.flows.get('i-acme', 'f1'))?.publishedVersion).toBe(2);
    expect((await store.flows.publications('i-acme', 'f1')).map((p) => [p.version, p.action])).toEqual([
      [2, 'rollback'],
      [3, 'publish'],
    ]);
    const v3 = await store.flows.version('i-acme', 'f1', 3);
    expect(v3?.hash).toBe(`h-${v3?.content}`);
  });

  it('answers which flows reference a resource', async () => {
    await store.flows.setReferences('i-acme', 'f1', [
      {
        actionId: 'a1',
        parameter: 'QueueId',
        kind: 'queue',
        value: arn('queue/q1'),
        targetArn: arn('queue/q1'),
      },
      { actionId: 'a2', parameter: 'PromptId', kind: 'prompt', value: 'Beep.wav', targetArn: null },
    ]);
    expect(
      (await store.flows.referencing('i-acme', ['queue'], [arn('queue/q1')], [])).map((r) => r.actionId),
    ).toEqual(['a1']);
    expect(
      (await store.flows.referencing('i-acme', ['prompt'], [], ['Beep.wav'])).map((r) => r.actionId),
    ).toEqual(['a2']);
    await store.flows.setReferences('i-acme', 'f1', []);
    expect(await store.flows.referencing('i-acme', ['queue'], [arn('queue/q1')], [])).toEqual([]);
  });

  it('keeps prompt audio bytes as they were uploaded', async () => {
    await store.catalog.putResource({
      instanceId: 'i-acme',
      kind: 'prompt',
      id: 'p1',
      name: 'Hi',
      arn: arn('prompt/p1'),
      data: {},
    });
    const bytes = new Uint8Array([82, 73, 70, 70, 0, 255, 1]);
    await store.catalog.putPromptAudio('i-acme', 'p1', 'sha', bytes);
    expect([...((await store.catalog.promptAudio('i-acme', 'p1')) ?? [])]).toEqual([...bytes]);
  });

  it('finds a token by the hash of its secret until it is revoked', async () => {
    const t = await store.access.createToken({
      id: 't1',
      instanceId: 'i-acme',
      role: 'author',
      name: 'ci',
      secretHash: 'abc',
    });
    expect(t.role).toBe('author');
    expect((await store.access.tokenBySecretHash('abc'))?.id).toBe('t1');
    expect(await store.access.revokeToken('t1')).toBe(true);
    expect(await store.access.tokenBySecretHash('abc')).toBeUndefined();
  });

  it('reads the audit log of one instance in order', async () => {
    await store.access.audit({ instanceId: 'i-acme', actor: 'ann', action: 'flow.save', target: 'f1' });
    await store.access.audit({ instanceId: null, actor: 'root', action: 'instance.create' });
    const log = await store.access.auditLog({ instanceId: 'i-acme' });
    expect(log.map((e) => e.action)).toEqual(['flow.save']);
  });

  it('queries flow logs by contact, by flow and by time', async () => {
    const entry = (contact: string, flow: string, t: string) => ({
      ContactId: contact,
      ContactFlowId: flow,
      Timestamp: t,
      ContactFlowModuleType: 'SetLoggingBehavior',
    });
    await store.contacts.appendFlowLogs('i-acme', [
      entry('c1', 'F1', '2026-11-21T10:00:00.000Z'),
      entry('c1', 'F1', '2026-11-21T10:00:01.000Z'),
      entry('c2', 'F2', '2026-11-21T11:00:00.000Z'),
    ]);
    expect(await store.contacts.flowLogs('i-acme', { contactId: 'c1' })).toHaveLength(2);
    expect(await store.contacts.flowLogs('i-acme', { flowArn: 'F2' })).toHaveLength(1);
    expect(
      await store.contacts.flowLogs('i-acme', {
        from: '2026-11-21T10:00:00.500Z',
        to: '2026-11-21T10:30:00Z',
      }),
    ).toHaveLength(1);
  });

  it('keeps one contact record per contact, newest first in the list', async () => {
    for (const [id, t] of [
      ['c1', '2026-11-21T10:00:00Z'],
      ['c2', '2026-11-21T11:00:00Z'],
    ] as const)
      await store.contacts.putContactRecord('i-acme', {
        ContactId: id,
        InitialContactId: id,
        InitiationTimestamp: t,
      });
    expect((await store.contacts.contacts('i-acme')).map((c) => c.contactId)).toEqual(['c2', 'c1']);
    expect((await store.contacts.contactRecord('i-acme', 'c2'))?.InitiationTimestamp).toBe(
      '2026-11-21T11:00:00Z',
    );
  });

  it('deleting an instance deletes everything it held', async () => {
    await store.catalog.createInstance({ ...acme, id: 'i-tmp', alias: 'tmp' });
    await store.flows.create({
      instanceId: 'i-tmp',
      id: 'f',
      type: 'CONTACT_FLOW',
      name: 'x',
      description: '',
      arn: 'a',
    });
    expect(await store.catalog.deleteInstance('i-tmp')).toBe(true);
    expect(await store.flows.list('i-tmp')).toEqual([]);
  });
});
