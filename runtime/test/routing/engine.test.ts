import { ManualClock } from '@parley/ari';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoutingEvent, RoutingProfile } from '../../src/routing/index.js';
import { RoutingEngine } from '../../src/routing/index.js';

const q = (name: string) => `arn:aws:connect:us-east-1:111122223333:instance/i/queue/${name}`;
const single: RoutingProfile = {
  id: 'basic',
  queues: [{ queueArn: q('billing'), priority: 1, delaySeconds: 0 }],
};
// The user guide's example profile.
const premium: RoutingProfile = {
  id: 'premium',
  queues: [
    { queueArn: q('ps1'), priority: 1, delaySeconds: 0 },
    { queueArn: q('ps2'), priority: 1, delaySeconds: 0 },
    { queueArn: q('ps3'), priority: 2, delaySeconds: 20 },
    { queueArn: q('ps4'), priority: 3, delaySeconds: 80 },
  ],
};

let engine: RoutingEngine | undefined;
afterEach(() => engine?.close());

function setup(options: { offerTimeoutMs?: number } = {}) {
  const clock = new ManualClock();
  const events: RoutingEvent[] = [];
  engine = new RoutingEngine({ clock, onEvent: (e) => events.push(e), ...options });
  const e = engine;
  const offers = () =>
    events.flatMap((x) => (x.type === 'offer' ? [`${x.agentId}<-${x.contact.contactId}`] : []));
  const agent = (id: string, profile = single, acwSeconds = 0) => {
    e.upsertAgent({ id, profile, acwSeconds });
    e.setStatus(id, 'Available');
  };
  return { clock, events, engine: e, offers, agent };
}

describe('the routing engine', () => {
  it('offers contacts first come first served, each to the agent idle the longest', async () => {
    const { clock, engine, offers, agent } = setup();
    agent('ann');
    await clock.advance(1000);
    agent('bob');
    await clock.advance(1000);
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    engine.enqueue({ contactId: 'c2', queueArn: q('billing') });
    engine.enqueue({ contactId: 'c3', queueArn: q('billing') });
    expect(offers()).toEqual(['ann<-c1', 'bob<-c2']);
    expect(engine.counts(q('billing')).size).toBe(1);
    engine.accept('ann');
    engine.endContact('ann');
    expect(offers().at(-1)).toBe('ann<-c3');
  });

  it('routes a contact of higher QueuePriority first, and counts its time adjustment as waiting', async () => {
    const { clock, engine, offers, agent } = setup();
    engine.enqueue({ contactId: 'old', queueArn: q('billing') });
    await clock.advance(30_000);
    engine.enqueue({ contactId: 'urgent', queueArn: q('billing'), priority: 1 });
    engine.enqueue({ contactId: 'adjusted', queueArn: q('billing'), timeAdjustmentSeconds: 60 });
    expect(engine.counts(q('billing')).oldestContactAgeSeconds).toBe(60);
    agent('ann');
    agent('bob');
    agent('cat');
    expect(offers()).toEqual(['ann<-urgent', 'bob<-adjusted', 'cat<-old']);
  });

  it('offers a priority-3 queue only once its oldest contact has waited its delay, as the user guide says', async () => {
    const { clock, engine, offers, agent } = setup();
    agent('ann', premium);
    engine.enqueue({ contactId: 'p4', queueArn: q('ps4') });
    await clock.advance(79_999);
    expect(offers()).toEqual([]);
    await clock.advance(1);
    expect(offers()).toEqual(['ann<-p4']);
  });

  it('prefers a waiting priority-1 contact to an older priority-2 or -3 one past its delay', async () => {
    const { clock, engine, offers, agent } = setup();
    engine.enqueue({ contactId: 'p4', queueArn: q('ps4') });
    await clock.advance(60_000);
    engine.enqueue({ contactId: 'p3', queueArn: q('ps3') });
    await clock.advance(25_000);
    engine.enqueue({ contactId: 'p2', queueArn: q('ps2') });
    await clock.advance(1_000);
    engine.enqueue({ contactId: 'p1', queueArn: q('ps1') });
    agent('ann', premium);
    agent('bob', premium);
    agent('cat', premium);
    agent('dan', premium);
    // Equal priority 1: the older contact first; then priority 2 before 3.
    expect(offers()).toEqual(['ann<-p2', 'bob<-p1', 'cat<-p3', 'dan<-p4']);
  });

  it('keeps an agent of the profile waiting for a priority-2 contact until it has waited 20 seconds', async () => {
    const { clock, engine, offers, agent } = setup();
    agent('ann', premium);
    engine.enqueue({ contactId: 'p3', queueArn: q('ps3') });
    await clock.advance(10_000);
    engine.enqueue({ contactId: 'p1', queueArn: q('ps1') });
    expect(offers()).toEqual(['ann<-p1']);
    engine.accept('ann');
    engine.endContact('ann');
    // p3 has waited 10 s: not yet.
    expect(offers()).toEqual(['ann<-p1']);
    await clock.advance(10_000);
    expect(offers()).toEqual(['ann<-p1', 'ann<-p3']);
  });

  it('puts an agent who lets an offer ring out in Missed and offers the contact to the next agent, in its place', async () => {
    const { clock, engine, events, offers, agent } = setup({ offerTimeoutMs: 15_000 });
    agent('ann');
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    engine.enqueue({ contactId: 'c2', queueArn: q('billing') });
    await clock.advance(15_000);
    expect(events).toContainEqual({ type: 'missed', agentId: 'ann', contactId: 'c1', reason: 'timeout' });
    expect(engine.agent('ann')?.activity).toBe('missed');
    expect(engine.counts(q('billing')).agents.missed).toBe(1);
    agent('bob');
    expect(offers()).toEqual(['ann<-c1', 'bob<-c1']);
    // Missed lasts until the agent sets a status again.
    engine.setStatus('ann', 'Available');
    expect(offers().at(-1)).toBe('ann<-c2');
  });

  it('treats a rejected offer as missed', () => {
    const { engine, events, agent } = setup();
    agent('ann');
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    expect(engine.reject('ann')).toEqual({ ok: true });
    expect(events).toContainEqual({ type: 'missed', agentId: 'ann', contactId: 'c1', reason: 'rejected' });
    expect(engine.waiting('c1')).toBeDefined();
  });

  it('leaves an agent whose ringing phone the PBX lost available, not Missed, and offers the contact again in its place', () => {
    const { engine, events, offers, agent } = setup();
    agent('ann');
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    engine.enqueue({ contactId: 'c2', queueArn: q('billing') });
    expect(engine.offerLost('ann')).toEqual({ ok: true });
    expect(events).toContainEqual({ type: 'offer-withdrawn', agentId: 'ann', contactId: 'c1' });
    expect(events.some((e) => e.type === 'missed')).toBe(false);
    expect(engine.counts(q('billing')).agents.missed).toBe(0);
    // c1 is back ahead of c2, and ann, still Available, is offered it again.
    expect(offers()).toEqual(['ann<-c1', 'ann<-c1']);
    expect(engine.offerLost('bob')).toEqual({ ok: false, error: 'NoSuchAgent' });
  });

  it('keeps an agent in After Contact Work for their ACW time, or until they clear it', async () => {
    const { clock, engine, offers, agent } = setup();
    agent('ann', single, 30);
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    engine.accept('ann');
    engine.enqueue({ contactId: 'c2', queueArn: q('billing') });
    engine.endContact('ann');
    expect(engine.agent('ann')?.activity).toBe('acw');
    expect(engine.counts(q('billing')).agents).toMatchObject({
      afterContactWork: 1,
      staffed: 1,
      available: 0,
    });
    await clock.advance(29_999);
    expect(offers()).toEqual(['ann<-c1']);
    await clock.advance(1);
    expect(offers()).toEqual(['ann<-c1', 'ann<-c2']);
    engine.accept('ann');
    engine.enqueue({ contactId: 'c3', queueArn: q('billing') });
    engine.endContact('ann');
    expect(engine.clearAcw('ann')).toEqual({ ok: true });
    expect(offers().at(-1)).toBe('ann<-c3');
  });

  it('frees the agent when the caller hangs up while the offer rings', () => {
    const { engine, events, agent } = setup();
    agent('ann');
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    expect(engine.dequeue('c1')).toBe(true);
    expect(events).toContainEqual({ type: 'offer-withdrawn', agentId: 'ann', contactId: 'c1' });
    expect(engine.agent('ann')).toMatchObject({ activity: 'idle', contactId: undefined });
    expect(engine.dequeue('c1')).toBe(false);
  });

  it('offers nothing to Offline agents or agents in a custom status, and applies a status chosen on a contact when it ends', () => {
    const { engine, offers, agent } = setup();
    engine.upsertAgent({ id: 'off', profile: single });
    agent('lunch');
    engine.setStatus('lunch', { custom: 'Lunch' });
    engine.enqueue({ contactId: 'c1', queueArn: q('billing') });
    expect(offers()).toEqual([]);
    expect(engine.counts(q('billing')).agents).toMatchObject({ online: 1, nonProductive: 1, available: 0 });
    agent('ann');
    engine.accept('ann');
    engine.setStatus('ann', { custom: 'Break' });
    engine.enqueue({ contactId: 'c2', queueArn: q('billing') });
    engine.endContact('ann');
    expect(offers()).toEqual(['ann<-c1']);
    expect(engine.agent('ann')).toMatchObject({ status: { custom: 'Break' }, activity: 'idle' });
  });

  it('counts agents per queue by their routing profile', () => {
    const { engine, agent } = setup();
    agent('ann');
    agent('pam', premium);
    engine.enqueue({ contactId: 'c1', queueArn: q('ps1') });
    expect(engine.counts(q('billing')).agents).toMatchObject({ online: 1, available: 1, staffed: 1 });
    expect(engine.counts(q('ps1'))).toMatchObject({ size: 0, agents: { online: 1, busy: 1, staffed: 1 } });
    expect(engine.counts(q('nowhere'))).toEqual({
      size: 0,
      oldestContactAgeSeconds: null,
      agents: {
        online: 0,
        available: 0,
        staffed: 0,
        afterContactWork: 0,
        busy: 0,
        missed: 0,
        nonProductive: 0,
      },
    });
  });

  it('refuses operations that do not fit the agent state, with a reason', () => {
    const { engine, agent } = setup();
    agent('ann');
    expect(engine.accept('ann')).toEqual({ ok: false, error: 'NotOffered' });
    expect(engine.endContact('ann')).toEqual({ ok: false, error: 'NotOnContact' });
    expect(engine.setStatus('nobody', 'Available')).toEqual({ ok: false, error: 'NoSuchAgent' });
  });
});
