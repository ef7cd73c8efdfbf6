import { describe, expect, it, vi } from 'vitest';
import { Conference, MAX_PARTIES, type Party } from '../../src/center/conference.js';
import type { AgentLeg } from '../../src/center/session.js';
import { FakeCall } from '../support/center-lines.js';
import { connectedLeg, FakeConferenceHost, flush } from '../support/conference-fakes.js';

// The multi-party rules are Connect's (seed 000): up to six parties, every agent with the same
// controls, an agent unmutes only themselves, one dial at a time, and the call lasting while the
// customer or an agent has someone to talk to.

const CUSTOMER = 'c-1-customer';
const ALICE = 'c-1-alice';

interface Rig {
  host: FakeConferenceHost;
  conf: Conference;
  customer: FakeCall;
  alice: FakeCall;
  aliceLeg: AgentLeg;
}

/** The customer's contact c-1 bridged with Alice, its primary agent. */
async function call(): Promise<Rig> {
  const host = new FakeConferenceHost();
  const customer = new FakeCall('customer');
  const alice = new FakeCall('alice');
  const aliceLeg = connectedLeg('alice', alice);
  const conf = await Conference.start(
    host,
    'c-1',
    { call: customer, name: '+15550001111' },
    { call: alice, name: 'Alice', userId: 'alice', leg: aliceLeg },
  );
  return { host, conf, customer, alice, aliceLeg };
}

async function begin(
  conf: Conference,
  by: string,
  role: 'AGENT' | 'THIRD_PARTY',
  cancel: () => void = () => {},
): Promise<Party> {
  const added = await conf.beginAdd(
    by,
    { role, name: role === 'AGENT' ? 'Quick connect' : '+15557770000' },
    cancel,
  );
  if (!added.ok) throw new Error(`beginAdd refused: ${added.code} ${added.message}`);
  return added.value;
}

/** `by` dials an outside number, which answers; those the add held stay held. */
async function addNumber(conf: Conference, by: string, channelId: string) {
  const party = await begin(conf, by, 'THIRD_PARTY');
  const call = new FakeCall(channelId);
  await conf.answered(party, call);
  return { party, call };
}

/** `by` reaches another agent through a quick connect, who answers; those the add held stay held. */
async function addAgent(conf: Conference, by: string, userId: string) {
  const party = await begin(conf, by, 'AGENT');
  const call = new FakeCall(userId);
  const leg = connectedLeg(userId, call);
  await conf.answered(party, call, { userId, name: userId, leg });
  return { party, call, leg };
}

const states = (conf: Conference) => Object.fromEntries(conf.parties().map((p) => [p.id, p.state]));
const ok = { ok: true, value: undefined };
const refused = (code = 'AGENT_NOT_ALLOWED') => expect.objectContaining({ ok: false, code });

describe('starting a call', () => {
  it('bridges the customer with the primary agent and names the participants after the contact and the user', async () => {
    const { host, conf, aliceLeg } = await call();

    expect(conf.parties().map((p) => [p.id, p.role, p.name, p.state])).toEqual([
      [CUSTOMER, 'CUSTOMER', '+15550001111', 'CONNECTED'],
      [ALICE, 'AGENT', 'Alice', 'CONNECTED'],
    ]);
    expect(conf.agentParty('alice')?.counterpart?.id).toBe(CUSTOMER);
    expect(host.bridged()).toEqual(['alice', 'customer']);
    expect(host.hearingHold()).toEqual([]);
    expect(aliceLeg.state).toBe('CONNECTED');
    expect(host.changes).toEqual([['alice']]);
    expect(conf.over).toBe(false);
  });
});

describe('adding a party', () => {
  it('holds every connected party but the adding agent, takes that agent out of the bridge and shows the new party connecting', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    expect(await conf.join('alice')).toEqual(ok);

    const party = await begin(conf, 'alice', 'THIRD_PARTY');

    expect(party).toMatchObject({
      id: 'c-1-party-2',
      role: 'THIRD_PARTY',
      state: 'CONNECTING',
      call: undefined,
    });
    expect(states(conf)).toEqual({
      [CUSTOMER]: 'ON_HOLD',
      [ALICE]: 'CONNECTED',
      'c-1-party-1': 'ON_HOLD',
      'c-1-party-2': 'CONNECTING',
    });
    expect(host.hearingHold()).toEqual([CUSTOMER, 'c-1-party-1']);
    expect(host.bridged()).toEqual([]);
  });

  it('refuses a second add while a party is still being dialled', async () => {
    const { conf } = await call();
    await begin(conf, 'alice', 'THIRD_PARTY');

    expect(await conf.beginAdd('alice', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {})).toEqual(
      refused(),
    );
    expect(conf.parties()).toHaveLength(3);
  });

  it('puts the adding agent and the party who answered in the bridge while the others stay on hold', async () => {
    const { host, conf } = await call();
    const { party } = await addNumber(conf, 'alice', 'pstn-1');

    expect(party.state).toBe('CONNECTED');
    expect(host.bridged()).toEqual(['alice', 'pstn-1']);
    expect(states(conf)[CUSTOMER]).toBe('ON_HOLD');
    expect(host.hearingHold()).toEqual([CUSTOMER]);
  });

  it('gives an agent who answers their user, name and leg, with the adding agent as counterpart', async () => {
    const { conf } = await call();
    const { party, leg } = await addAgent(conf, 'alice', 'bob');

    expect(party).toMatchObject({ id: 'c-1-party-1', role: 'AGENT', userId: 'bob', name: 'bob', leg });
    expect(party.counterpart?.id).toBe(ALICE);
    expect(conf.agentParty('bob')).toBe(party);
  });

  it('lets another add start once the party being dialled has answered', async () => {
    const { conf } = await call();
    await addNumber(conf, 'alice', 'pstn-1');

    const second = await conf.beginAdd('alice', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {});

    expect(second).toMatchObject({ ok: true, value: { id: 'c-1-party-2', state: 'CONNECTING' } });
  });

  it('brings back off hold only the parties the add held, and removes the party, when the add fails', async () => {
    const { host, conf } = await call();
    await addNumber(conf, 'alice', 'pstn-1');
    expect(await conf.join('alice')).toEqual(ok);
    expect(await conf.hold('alice', 'c-1-party-1')).toEqual(ok);
    const party = await begin(conf, 'alice', 'THIRD_PARTY');
    expect(host.hearingHold()).toEqual([CUSTOMER, 'c-1-party-1']);

    await conf.addFailed(party);

    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, ALICE, 'c-1-party-1']);
    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', [ALICE]: 'CONNECTED', 'c-1-party-1': 'ON_HOLD' });
    expect(host.hearingHold()).toEqual(['c-1-party-1']);
    expect(host.bridged()).toEqual(['alice', 'customer']);
  });

  it('hangs up a party that answers after its add has failed', async () => {
    const { conf } = await call();
    const party = await begin(conf, 'alice', 'THIRD_PARTY');
    await conf.addFailed(party);
    const late = new FakeCall('pstn-late');

    await conf.answered(party, late);

    expect(late.ended).toBeDefined();
    expect(conf.parties()).toHaveLength(2);
  });

  it('numbers each added party after the last one, failed attempts included', async () => {
    const { conf } = await call();
    await conf.addFailed(await begin(conf, 'alice', 'THIRD_PARTY'));
    await addAgent(conf, 'alice', 'bob');

    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, ALICE, 'c-1-party-2']);
  });

  it(`allows ${MAX_PARTIES} participants and refuses a seventh`, async () => {
    const { conf } = await call();
    for (let i = 1; i <= MAX_PARTIES - 2; i++) await addNumber(conf, 'alice', `pstn-${i}`);
    expect(conf.parties()).toHaveLength(6);

    expect(await conf.beginAdd('alice', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {})).toEqual(
      refused(),
    );
    expect(conf.parties()).toHaveLength(6);
  });

  it('refuses an add from a user who is not on the call', async () => {
    const { conf } = await call();

    expect(await conf.beginAdd('carol', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {})).toEqual(
      refused(),
    );
    expect(conf.parties()).toHaveLength(2);
  });

  it('refuses an add to a call of two once the primary agent has left', async () => {
    const { conf, alice } = await call();
    await addAgent(conf, 'alice', 'bob');
    alice.farEndHangsUp();
    await flush();
    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, 'c-1-party-1']);

    expect(await conf.beginAdd('bob', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {})).toEqual(
      refused(),
    );
  });

  it('lets a remaining agent add to a call of three or more after the primary agent left', async () => {
    const { conf, alice } = await call();
    await addAgent(conf, 'alice', 'bob');
    await addNumber(conf, 'alice', 'pstn-1');
    alice.farEndHangsUp();
    await flush();
    expect(conf.parties()).toHaveLength(3);

    const added = await conf.beginAdd('bob', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {});

    expect(added).toMatchObject({ ok: true, value: { id: 'c-1-party-3', state: 'CONNECTING' } });
  });

  it('lets the primary agent add to a call of two after the customer dropped', async () => {
    const { conf, customer } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    customer.farEndHangsUp();
    await flush();

    const added = await conf.beginAdd('alice', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {});

    expect(added.ok).toBe(true);
  });

  it('cancels the add and brings the held parties back when the adding agent hangs up before the party answers', async () => {
    const { host, conf } = await call();
    const { call: bob } = await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    const cancel = vi.fn();
    const party = await begin(conf, 'bob', 'THIRD_PARTY', cancel);

    bob.farEndHangsUp();
    await flush();

    expect(cancel).toHaveBeenCalledTimes(1);
    expect(conf.parties()).not.toContain(party);
    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', [ALICE]: 'CONNECTED' });
    expect(host.hearingHold()).toEqual([]);
    expect(host.bridged()).toEqual(['alice', 'customer']);
    expect(conf.over).toBe(false);
  });

  it('cancels the add and ends the call when the agent of a two-party call hangs up while dialling', async () => {
    const { host, conf, customer, alice } = await call();
    const cancel = vi.fn();
    await begin(conf, 'alice', 'THIRD_PARTY', cancel);

    alice.farEndHangsUp();
    await flush();

    expect(cancel).toHaveBeenCalledTimes(1);
    expect(conf.over).toBe(true);
    expect(customer.ended).toBeDefined();
    expect(host.hearingHold()).toEqual([]);
  });
});

describe('call controls', () => {
  it('lets any agent on the call hold and resume any party', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');

    expect(await conf.hold('bob', CUSTOMER)).toEqual(ok);
    expect(await conf.hold('bob', ALICE)).toEqual(ok);
    expect(states(conf)).toEqual({ [CUSTOMER]: 'ON_HOLD', [ALICE]: 'ON_HOLD', 'c-1-party-1': 'CONNECTED' });
    expect(host.hearingHold()).toEqual([ALICE, CUSTOMER]);
    expect(host.bridged()).toEqual(['bob']);

    expect(await conf.resume('bob', CUSTOMER)).toEqual(ok);
    expect(await conf.hold('alice', 'c-1-party-1')).toEqual(ok);

    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', [ALICE]: 'ON_HOLD', 'c-1-party-1': 'ON_HOLD' });
    expect(host.hearingHold()).toEqual([ALICE, 'c-1-party-1']);
    expect(host.bridged()).toEqual(['customer']);
  });

  it('lets a held agent take themself off hold', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    await conf.hold('alice', 'c-1-party-1');

    expect(await conf.resume('bob', 'c-1-party-1')).toEqual(ok);

    expect(states(conf)['c-1-party-1']).toBe('CONNECTED');
    expect(host.hearingHold()).toEqual([]);
    expect(host.bridged()).toEqual(['alice', 'bob', 'customer']);
  });

  it('stops the hold media a party hears when they are resumed, and starts it anew on the next hold', async () => {
    const { host, conf, customer } = await call();
    await conf.hold('alice', CUSTOMER);
    await conf.resume('alice', CUSTOMER);
    await conf.hold('alice', CUSTOMER);

    expect(host.holds.map((h) => [h.party.id, h.call, h.stopped])).toEqual([
      [CUSTOMER, customer, true],
      [CUSTOMER, customer, false],
    ]);
  });

  it('lets any agent mute any party', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await addNumber(conf, 'alice', 'pstn-1');

    for (const id of [CUSTOMER, ALICE, 'c-1-party-2']) expect(await conf.mute('bob', id, true)).toEqual(ok);

    expect([...host.lines.muted].sort()).toEqual(['alice', 'customer', 'pstn-1']);
    expect(conf.parties().map((p) => p.muted)).toEqual([true, true, false, true]);
  });

  it('refuses an agent unmuting another agent but lets them unmute themself', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.mute('alice', ALICE, true);

    expect(await conf.mute('bob', ALICE, false)).toEqual(refused());
    expect(conf.agentParty('alice')?.muted).toBe(true);
    expect(host.lines.muted.has('alice')).toBe(true);

    expect(await conf.mute('alice', ALICE, false)).toEqual(ok);
    expect(conf.agentParty('alice')?.muted).toBe(false);
    expect(host.lines.muted.has('alice')).toBe(false);
  });

  it('lets an agent unmute the customer and a third party muted by another agent', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await addNumber(conf, 'alice', 'pstn-1');
    await conf.mute('alice', CUSTOMER, true);
    await conf.mute('alice', 'c-1-party-2', true);

    expect(await conf.mute('bob', CUSTOMER, false)).toEqual(ok);
    expect(await conf.mute('bob', 'c-1-party-2', false)).toEqual(ok);

    expect(host.lines.muted.size).toBe(0);
    expect(conf.parties().some((p) => p.muted)).toBe(false);
  });

  it('lets any agent disconnect any party, the call going on for the others', async () => {
    const { host, conf, alice } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');

    expect(await conf.disconnect('bob', ALICE)).toEqual(ok);
    await flush();

    expect(alice.ended).toBeDefined();
    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, 'c-1-party-1']);
    expect(host.bridged()).toEqual(['bob', 'customer']);
    expect(conf.over).toBe(false);
  });

  it('lets an agent leave by disconnecting their own participant', async () => {
    const { conf, alice } = await call();
    await addNumber(conf, 'alice', 'pstn-1');

    expect(await conf.disconnect('alice', ALICE)).toEqual(ok);
    await flush();

    expect(alice.ended).toBeDefined();
    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, 'c-1-party-1']);
  });

  it('cancels a party still being dialled when an agent disconnects it', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    const cancel = vi.fn();
    const party = await begin(conf, 'alice', 'THIRD_PARTY', cancel);

    expect(await conf.disconnect('bob', party.id)).toEqual(ok);

    expect(cancel).toHaveBeenCalledTimes(1);
    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, ALICE, 'c-1-party-1']);
    expect(host.hearingHold()).toEqual([]);
    expect(host.bridged()).toEqual(['alice', 'bob', 'customer']);
  });

  it('refuses to hold, resume or mute a party still being dialled', async () => {
    const { conf } = await call();
    const party = await begin(conf, 'alice', 'THIRD_PARTY');

    expect(await conf.hold('alice', party.id)).toEqual(refused());
    expect(await conf.resume('alice', party.id)).toEqual(refused());
    expect(await conf.mute('alice', party.id, true)).toEqual(refused());
    expect(party.state).toBe('CONNECTING');
  });

  it('refuses every control to a user who is not on the call', async () => {
    const { host, conf } = await call();
    await addNumber(conf, 'alice', 'pstn-1');

    expect(await conf.hold('carol', ALICE)).toEqual(refused());
    expect(await conf.resume('carol', CUSTOMER)).toEqual(refused());
    expect(await conf.mute('carol', CUSTOMER, true)).toEqual(refused());
    expect(await conf.disconnect('carol', 'c-1-party-1')).toEqual(refused());
    expect(await conf.join('carol')).toEqual(refused());
    expect(await conf.swap('carol')).toEqual(refused());
    expect(await conf.holdAll('carol')).toEqual(refused());

    expect(states(conf)).toEqual({ [CUSTOMER]: 'ON_HOLD', [ALICE]: 'CONNECTED', 'c-1-party-1': 'CONNECTED' });
    expect(host.lines.muted.size).toBe(0);
  });

  it('answers AGENT_NOT_FOUND for a participant the call does not have', async () => {
    const { conf } = await call();

    expect(await conf.hold('alice', 'c-1-party-9')).toEqual(refused('AGENT_NOT_FOUND'));
    expect(await conf.resume('alice', 'c-2-customer')).toEqual(refused('AGENT_NOT_FOUND'));
    expect(await conf.mute('alice', 'nobody', true)).toEqual(refused('AGENT_NOT_FOUND'));
    expect(await conf.disconnect('alice', 'nobody')).toEqual(refused('AGENT_NOT_FOUND'));
  });
});

describe('swap, hold all and join', () => {
  it('swaps between the party talked to and the held one on a call of three', async () => {
    const { host, conf } = await call();
    await addNumber(conf, 'alice', 'pstn-1');

    expect(await conf.swap('alice')).toEqual(ok);
    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', [ALICE]: 'CONNECTED', 'c-1-party-1': 'ON_HOLD' });
    expect(host.hearingHold()).toEqual(['c-1-party-1']);
    expect(host.bridged()).toEqual(['alice', 'customer']);

    expect(await conf.swap('alice')).toEqual(ok);
    expect(states(conf)).toEqual({ [CUSTOMER]: 'ON_HOLD', [ALICE]: 'CONNECTED', 'c-1-party-1': 'CONNECTED' });
    expect(host.hearingHold()).toEqual([CUSTOMER]);
    expect(host.bridged()).toEqual(['alice', 'pstn-1']);
  });

  it('refuses to swap on a call of three with nobody else, or everyone else, on hold', async () => {
    const { conf } = await call();
    await addNumber(conf, 'alice', 'pstn-1');
    await conf.join('alice');
    expect(await conf.swap('alice')).toEqual(refused());

    await conf.holdAll('alice');
    expect(await conf.swap('alice')).toEqual(refused());
    expect(states(conf)).toEqual({ [CUSTOMER]: 'ON_HOLD', [ALICE]: 'CONNECTED', 'c-1-party-1': 'ON_HOLD' });
  });

  it('refuses to swap on a call of four', async () => {
    const { conf } = await call();
    await addNumber(conf, 'alice', 'pstn-1');
    await conf.join('alice');
    await addNumber(conf, 'alice', 'pstn-2');
    await conf.resume('alice', 'c-1-party-1');
    expect(states(conf)[CUSTOMER]).toBe('ON_HOLD');

    expect(await conf.swap('alice')).toEqual(refused());
  });

  it('refuses to swap while the third party is still being dialled', async () => {
    const { conf } = await call();
    await begin(conf, 'alice', 'THIRD_PARTY');

    expect(await conf.swap('alice')).toEqual(refused());
  });

  it('holds everyone but the agent asking', async () => {
    const { host, conf, aliceLeg } = await call();
    const { leg: bobLeg } = await addAgent(conf, 'alice', 'bob');
    await addNumber(conf, 'alice', 'pstn-1');
    await conf.join('alice');

    expect(await conf.holdAll('bob')).toEqual(ok);

    expect(states(conf)).toEqual({
      [CUSTOMER]: 'ON_HOLD',
      [ALICE]: 'ON_HOLD',
      'c-1-party-1': 'CONNECTED',
      'c-1-party-2': 'ON_HOLD',
    });
    expect(host.hearingHold()).toEqual([ALICE, CUSTOMER, 'c-1-party-2']);
    expect(host.bridged()).toEqual(['bob']);
    expect(aliceLeg.state).toBe('CONNECTED_ONHOLD');
    expect(bobLeg.state).toBe('CONNECTED_ONHOLD');
  });

  it('takes everyone off hold and back into the bridge on join', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    await addNumber(conf, 'bob', 'pstn-1');
    await conf.hold('bob', 'c-1-party-2');
    expect(states(conf)).toEqual({
      [CUSTOMER]: 'ON_HOLD',
      [ALICE]: 'ON_HOLD',
      'c-1-party-1': 'CONNECTED',
      'c-1-party-2': 'ON_HOLD',
    });

    expect(await conf.join('alice')).toEqual(ok);

    expect(Object.values(states(conf))).toEqual(['CONNECTED', 'CONNECTED', 'CONNECTED', 'CONNECTED']);
    expect(host.hearingHold()).toEqual([]);
    expect(host.bridged()).toEqual(['alice', 'bob', 'customer', 'pstn-1']);
  });

  it('refuses join while a party is still being dialled', async () => {
    const { host, conf } = await call();
    await begin(conf, 'alice', 'THIRD_PARTY');

    expect(await conf.join('alice')).toEqual(refused());
    expect(host.hearingHold()).toEqual([CUSTOMER]);
  });
});

describe('when the call ends', () => {
  it('ends the call when the agent leaves the customer alone', async () => {
    const { host, conf, customer, alice } = await call();
    await conf.hold('alice', CUSTOMER);

    alice.farEndHangsUp();
    await flush();

    expect(conf.over).toBe(true);
    expect(customer.ended).toBeDefined();
    expect(conf.parties()).toEqual([]);
    expect(host.bridgeDestroyed).toBe(true);
    expect(host.hearingHold()).toEqual([]);
  });

  it('ends the call when the customer leaves the agent alone', async () => {
    const { host, conf, customer, alice } = await call();

    customer.farEndHangsUp();
    await flush();

    expect(conf.over).toBe(true);
    expect(alice.ended).toBeDefined();
    expect(host.bridgeDestroyed).toBe(true);
  });

  it('ends the call, hanging up everyone, when only third parties are left', async () => {
    const { host, conf, customer, alice } = await call();
    const first = await addNumber(conf, 'alice', 'pstn-1');
    await conf.join('alice');
    const second = await addNumber(conf, 'alice', 'pstn-2');
    await conf.join('alice');
    customer.farEndHangsUp();
    await flush();
    expect(conf.over).toBe(false);

    alice.farEndHangsUp();
    await flush();

    expect(conf.over).toBe(true);
    expect(first.call.ended).toBeDefined();
    expect(second.call.ended).toBeDefined();
    expect(conf.parties()).toEqual([]);
    expect(host.bridgeDestroyed).toBe(true);
  });

  it('refuses every control once the call is over', async () => {
    const { conf, customer } = await call();
    customer.farEndHangsUp();
    await flush();
    expect(conf.over).toBe(true);

    expect(await conf.hold('alice', CUSTOMER)).toEqual(refused());
    expect(await conf.join('alice')).toEqual(refused());
    expect(await conf.beginAdd('alice', { role: 'THIRD_PARTY', name: '+15558880000' }, () => {})).toEqual(
      refused(),
    );
  });

  it('keeps the customer and a third party talking when the agent leaves, taking the customer off hold', async () => {
    const { host, conf, customer, alice } = await call();
    const { call: pstn } = await addNumber(conf, 'alice', 'pstn-1');
    expect(states(conf)[CUSTOMER]).toBe('ON_HOLD');

    alice.farEndHangsUp();
    await flush();

    expect(conf.over).toBe(false);
    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', 'c-1-party-1': 'CONNECTED' });
    expect(host.hearingHold()).toEqual([]);
    expect(host.bridged()).toEqual(['customer', 'pstn-1']);
    expect(customer.ended).toBeUndefined();
    expect(pstn.ended).toBeUndefined();
  });

  it('keeps the agents on the call when the customer leaves', async () => {
    const { host, conf, customer } = await call();
    await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');

    customer.farEndHangsUp();
    await flush();

    expect(conf.over).toBe(false);
    expect(conf.parties().map((p) => p.id)).toEqual([ALICE, 'c-1-party-1']);
    expect(host.bridged()).toEqual(['alice', 'bob']);
  });

  it('takes third parties off hold when no agent is left talking', async () => {
    const { host, conf, alice } = await call();
    await addNumber(conf, 'alice', 'pstn-1');
    await conf.holdAll('alice');
    expect(host.hearingHold()).toEqual([CUSTOMER, 'c-1-party-1']);

    alice.farEndHangsUp();
    await flush();

    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', 'c-1-party-1': 'CONNECTED' });
    expect(host.hearingHold()).toEqual([]);
    expect(host.bridged()).toEqual(['customer', 'pstn-1']);
  });

  it('leaves a third party on hold while another agent is talking', async () => {
    const { host, conf, alice } = await call();
    await addAgent(conf, 'alice', 'bob');
    await addNumber(conf, 'alice', 'pstn-1');
    await conf.join('alice');
    await conf.hold('alice', 'c-1-party-2');

    alice.farEndHangsUp();
    await flush();

    expect(states(conf)).toEqual({
      [CUSTOMER]: 'CONNECTED',
      'c-1-party-1': 'CONNECTED',
      'c-1-party-2': 'ON_HOLD',
    });
    expect(host.hearingHold()).toEqual(['c-1-party-2']);
    expect(host.bridged()).toEqual(['bob', 'customer']);
  });

  it('leaves a held agent on hold when another agent leaves', async () => {
    const { host, conf, alice } = await call();
    const { leg: bobLeg } = await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    await conf.holdAll('alice');

    alice.farEndHangsUp();
    await flush();

    expect(states(conf)).toEqual({ [CUSTOMER]: 'CONNECTED', 'c-1-party-1': 'ON_HOLD' });
    expect(host.hearingHold()).toEqual(['c-1-party-1']);
    expect(bobLeg.state).toBe('CONNECTED_ONHOLD');

    expect(await conf.resume('bob', 'c-1-party-1')).toEqual(ok);
    expect(host.bridged()).toEqual(['bob', 'customer']);
    expect(bobLeg.state).toBe('CONNECTED');
  });

  it('stops the hold media of a held party who hangs up', async () => {
    const { host, conf } = await call();
    const { call: pstn } = await addNumber(conf, 'alice', 'pstn-1');
    await conf.swap('alice');
    expect(host.hearingHold()).toEqual(['c-1-party-1']);

    pstn.farEndHangsUp();
    await flush();

    expect(host.hearingHold()).toEqual([]);
    expect(conf.parties().map((p) => p.id)).toEqual([CUSTOMER, ALICE]);
    expect(conf.over).toBe(false);
  });
});

describe("agents' legs and notifications", () => {
  it("shows the primary agent's contact on hold while the customer is held", async () => {
    const { conf, aliceLeg } = await call();

    await conf.hold('alice', CUSTOMER);
    expect(aliceLeg.state).toBe('CONNECTED_ONHOLD');

    await conf.resume('alice', CUSTOMER);
    expect(aliceLeg.state).toBe('CONNECTED');
  });

  it("shows an added agent's contact on hold while they, or the agent who added them, are held", async () => {
    const { conf, aliceLeg } = await call();
    const { leg: bobLeg } = await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    expect([aliceLeg.state, bobLeg.state]).toEqual(['CONNECTED', 'CONNECTED']);

    await conf.hold('alice', 'c-1-party-1');
    expect([aliceLeg.state, bobLeg.state]).toEqual(['CONNECTED', 'CONNECTED_ONHOLD']);

    await conf.resume('bob', 'c-1-party-1');
    await conf.hold('bob', ALICE);
    expect([aliceLeg.state, bobLeg.state]).toEqual(['CONNECTED_ONHOLD', 'CONNECTED_ONHOLD']);

    await conf.resume('alice', ALICE);
    await conf.hold('bob', CUSTOMER);
    expect([aliceLeg.state, bobLeg.state]).toEqual(['CONNECTED_ONHOLD', 'CONNECTED']);
  });

  it("shows the adding agent's contact on hold while the customer waits for the consult", async () => {
    const { conf, aliceLeg } = await call();
    const party = await begin(conf, 'alice', 'THIRD_PARTY');
    expect(aliceLeg.state).toBe('CONNECTED_ONHOLD');

    await conf.addFailed(party);
    expect(aliceLeg.state).toBe('CONNECTED');
  });

  it('leaves alone a leg that is no longer connected', async () => {
    const { conf, aliceLeg } = await call();
    aliceLeg.state = 'ENDED';

    await conf.hold('alice', CUSTOMER);

    expect(aliceLeg.state).toBe('ENDED');
  });

  it('tells every agent on the call of each change', async () => {
    const { host, conf } = await call();
    await addAgent(conf, 'alice', 'bob');
    host.changes.length = 0;

    await conf.hold('bob', CUSTOMER);
    await conf.mute('alice', 'c-1-party-1', true);
    await conf.holdAll('alice');
    await conf.join('bob');

    expect(host.changes).toEqual([
      ['alice', 'bob'],
      ['alice', 'bob'],
      ['alice', 'bob'],
      ['alice', 'bob'],
    ]);
  });

  it('stops telling an agent who left', async () => {
    const { host, conf } = await call();
    const { call: bob } = await addAgent(conf, 'alice', 'bob');
    await conf.join('alice');
    host.changes.length = 0;

    bob.farEndHangsUp();
    await flush();
    await conf.hold('alice', CUSTOMER);

    expect(host.changes).toEqual([['alice'], ['alice']]);
  });
});
