import { describe, expect, it } from 'vitest';
import { type ContactSnapshot, runContact } from '../../src/contact/runner.js';
import type { BlockExecutor } from '../../src/executors/types.js';
import { MemoryContactRecordSink } from '../../src/logs/contact-record.js';
import { MemoryFlowLogSink } from '../../src/logs/sinks.js';
import { type Bench, bench, during, flowTarget, newContact, START } from './support.js';

const setAttr = (id: string, attributes: Record<string, string>, next: string) => ({
  Identifier: id,
  Type: 'UpdateContactAttributes',
  Parameters: { Attributes: attributes, TargetContact: 'Current' },
  Transitions: { NextAction: next },
});
const say = (id: string, next: string) => ({
  Identifier: id,
  Type: 'MessageParticipant',
  Parameters: { Text: id },
  Transitions: { NextAction: next },
});
const disconnect = (id: string) => ({ Identifier: id, Type: 'DisconnectParticipant' });

/** A prompt that takes 5 s on the clock and notes which block it played. */
function prompts(played: string[]): BlockExecutor {
  return (input, ports) =>
    new Promise((resolve) =>
      ports.clock.setTimeout(() => {
        played.push(input.action.id);
        resolve({ outcome: { kind: 'next' } });
      }, 5_000),
    );
}

/** Runs the contact on worker `a` until `ms` have passed, keeping every checkpoint as JSON would. */
async function runUntil(a: Bench, flow: ReturnType<typeof flowTarget>, ms: number) {
  const checkpoints: ContactSnapshot[] = [];
  const played: string[] = [];
  const log = new MemoryFlowLogSink();
  runContact({
    // Flow logging on, so what each worker logged can be told apart.
    contact: { ...newContact(), logging: true },
    flow,
    ports: a.ports,
    log,
    instanceArn: a.instance.arn,
    executors: { MessageParticipant: prompts(played) },
    checkpoint: (s) => {
      checkpoints.push(JSON.parse(JSON.stringify(s)));
    },
  });
  await a.clock.advance(ms);
  // Worker a is gone from here on: its clock never moves again.
  return { checkpoints, played, log };
}

/** Takes the contact over on worker `b` from a checkpoint. */
function resumeOn(b: Bench, flow: ReturnType<typeof flowTarget>, snapshot: ContactSnapshot) {
  const played: string[] = [];
  const log = new MemoryFlowLogSink();
  const records = new MemoryContactRecordSink();
  const run = runContact({
    contact: newContact({ ContactId: 'not-the-resumed-one' }),
    flow,
    ports: b.ports,
    log,
    records,
    instanceArn: b.instance.arn,
    executors: { MessageParticipant: prompts(played) },
    resume: snapshot,
  });
  return { run, played, log, records };
}

describe('a contact taken over by another worker', () => {
  it('continues from its last checkpoint, repeating only the block that was running', async () => {
    const a = bench();
    const main = [
      setAttr('first', { a: '1' }, 'p1'),
      say('p1', 'second'),
      setAttr('second', { b: '2' }, 'p2'),
      say('p2', 'bye'),
      disconnect('bye'),
    ];
    const before = await runUntil(a, flowTarget(a.instance, 'Main', main), 7_000);
    expect(before.played).toEqual(['p1']);
    const last = before.checkpoints.at(-1);
    if (!last) throw new Error('no checkpoint');
    expect(last.frames).toHaveLength(1);

    const b = bench();
    await b.clock.advance(7_000);
    const after = resumeOn(b, flowTarget(b.instance, 'Main', main), last);
    const result = await during(b.clock, after.run.done);
    expect(after.played).toEqual(['p2']);
    expect(result.contactId).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(result.path.map((p) => p.identifier)).toEqual(['p2', 'bye']);
    expect(result.contact.Attributes).toEqual({ a: '1', b: '2' });
    expect(result.end).toEqual({ kind: 'disconnected', by: 'flow', at: 'bye' });
    // The call was answered by the first worker; the second never answers it again.
    expect(b.call.answered).toBe(false);
    expect(b.call.hungUpByRuntime).toBe(true);
    const record = await after.run.closed;
    expect(Date.parse(record.InitiationTimestamp)).toBe(START);
    expect(Date.parse(record.DisconnectTimestamp)).toBeGreaterThanOrEqual(START + 12_000);
  });

  it('resumes inside a flow module and returns to the calling flow on its branch', async () => {
    const a = bench();
    const define = (on: Bench) => {
      const module = flowTarget(
        on.instance,
        'Greeting module',
        [say('m1', 'm2'), say('m2', 'ret'), { Identifier: 'ret', Type: 'EndFlowModuleExecution' }],
        { type: 'MODULE' },
      );
      return flowTarget(on.instance, 'Main', [
        {
          Identifier: 'invoke',
          Type: 'InvokeFlowModule',
          Parameters: { FlowModuleId: module.arn },
          Transitions: {
            NextAction: 'bye',
            Conditions: [{ NextAction: 'done', Condition: { Operator: 'Equals', Operands: ['Success'] } }],
          },
        },
        setAttr('done', { returned: 'yes' }, 'bye'),
        disconnect('bye'),
      ]);
    };
    const before = await runUntil(a, define(a), 7_000);
    expect(before.played).toEqual(['m1']);
    const last = before.checkpoints.at(-1);
    expect(last?.frames.map((f) => f.flowArn)).toHaveLength(2);
    if (!last) throw new Error('no checkpoint');

    const b = bench();
    const after = resumeOn(b, define(b), last);
    const result = await during(b.clock, after.run.done);
    expect(after.played).toEqual(['m2']);
    expect(result.path.map((p) => p.identifier)).toEqual(['invoke', 'm2', 'ret', 'done', 'bye']);
    expect(result.contact.Attributes).toEqual({ returned: 'yes' });
    // The module's start was logged by the first worker; the second logs only what it ran.
    expect(after.log.entries.map((e) => e.Identifier)).toEqual(['m2', 'ret', 'done', 'bye']);
  });

  it('is disconnected with a coded fault when its flow is no longer the version it ran', async () => {
    const a = bench();
    const main = [say('p1', 'p2'), say('p2', 'bye'), disconnect('bye')];
    const before = await runUntil(a, flowTarget(a.instance, 'Main', main), 7_000);
    const last = before.checkpoints.at(-1);
    if (!last) throw new Error('no checkpoint');

    const b = bench();
    const changed = flowTarget(b.instance, 'Main', [say('p1', 'bye'), disconnect('bye')]);
    const after = resumeOn(b, changed, last);
    const result = await during(b.clock, after.run.done);
    expect(result.end).toMatchObject({ kind: 'fault', problem: { code: 'CONTACT_RESUME_FLOW_CHANGED' } });
    expect(after.played).toEqual([]);
    expect(b.call.hungUpByRuntime).toBe(true);
    expect((await after.run.closed).ContactId).toBe(last.contactId);
  });
});
