// Routing figures: 1,000 agents over 10 routing profiles and 20 queues take 10,000 queued contacts,
// each accepting its offer, ending the contact at once and taking the next (ACW 0). The engine
// alone on a manual clock: what it costs to pick the contact and the agent, no telephony.
import { performance } from 'node:perf_hooks';
import { ManualClock } from '@parley/ari';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { RoutingEngine, type RoutingProfile } from '../src/routing/index.js';

const AGENTS = 1000;
const CONTACTS = 10_000;
const QUEUES = 20;
const PROFILES = 10;

const queueArn = (i: number) => `arn:aws:connect:us-east-1:111122223333:instance/bench/queue/q${i}`;

/** Profile p serves four queues at priorities 1..3, some with a delay of 0 (all contacts are old enough). */
function profiles(): RoutingProfile[] {
  return Array.from({ length: PROFILES }, (_, p) => ({
    id: `p${p}`,
    queues: [0, 1, 2, 3].map((k) => ({
      queueArn: queueArn((p * 2 + k) % QUEUES),
      priority: 1 + Math.min(k, 2),
      delaySeconds: k === 3 ? 30 : 0,
    })),
  }));
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

export async function benchRouting(): Promise<Figure[]> {
  const clock = new ManualClock();
  let offers = 0;
  const offered: string[] = [];
  const engine = new RoutingEngine({
    clock,
    onEvent: (e) => {
      if (e.type === 'offer') {
        offers++;
        offered.push(e.agentId);
      }
    },
  });
  const ps = profiles();
  for (let a = 0; a < AGENTS; a++)
    engine.upsertAgent({ id: `a${a}`, profile: ps[a % PROFILES] as RoutingProfile });
  for (let c = 0; c < CONTACTS; c++)
    engine.enqueue({ contactId: `c${c}`, queueArn: queueArn(c % QUEUES), priority: 1 + (c % 3) });
  // Every contact old enough for every delay: the 30-s queues route too.
  await clock.advance(60_000);

  const latencies: number[] = [];
  const start = performance.now();
  for (let a = 0; a < AGENTS; a++) {
    const t = performance.now();
    engine.setStatus(`a${a}`, 'Available');
    latencies.push(performance.now() - t);
  }
  // Each offered agent answers, ends at once and is offered the next contact, until the lines empty.
  while (offered.length > 0) {
    const agent = offered.shift() as string;
    engine.accept(agent);
    const t = performance.now();
    engine.endContact(agent);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  engine.close();
  if (offers !== CONTACTS) throw new Error(`routed ${offers} of ${CONTACTS} contacts`);
  return [
    {
      key: 'routing_contacts_per_s',
      label: `routing: contacts routed per second (${AGENTS} agents, ${CONTACTS.toLocaleString('en')} queued)`,
      value: offers / seconds,
      unit: '/s',
    },
    {
      key: 'routing_offer_p50_us',
      label: 'routing: agent available → offer, p50',
      value: quantile(latencies, 0.5) * 1000,
      unit: 'µs',
    },
    {
      key: 'routing_offer_p99_us',
      label: 'routing: agent available → offer, p99',
      value: quantile(latencies, 0.99) * 1000,
      unit: 'µs',
    },
  ];
}
