import { readFile } from 'node:fs/promises';
import { SYSTEM } from '../services/context.js';
import type { EventBus } from '../services/events.js';
import { createFlow, publish, saveVersion } from '../services/flows.js';
import { putResource } from '../services/resources.js';
import { importFlow } from '../services/transfer.js';
import type { Store } from '../store/index.js';

const fixture = (path: string) => readFile(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

export const DEMO_NUMBER = '+18005550100';

const allWeek = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((Day) => ({
  Day,
  StartTime: { Hours: 0, Minutes: 0 },
  EndTime: { Hours: 0, Minutes: 0 },
}));

/**
 * A first instance to try Parley with: a bank menu published on a phone number, a queue with its
 * hours and transfer flow, and prompts. Made through the same services the API uses.
 */
export async function seedDemo(store: Store, events: EventBus): Promise<void> {
  const instance = await store.catalog.createInstance({
    id: '7e57c0de-0000-4000-8000-000000000001',
    alias: 'demo',
    partition: 'aws',
    region: 'us-east-1',
    account: '000000000000',
  });
  const scope = { store, events, instance, actor: SYSTEM };
  const hours = await putResource(scope, 'hours', { name: 'Always open', timeZone: 'UTC', config: allWeek });
  await putResource(scope, 'queue', { name: 'Billing', hoursOfOperation: hours.id, maxContacts: 50 });
  await putResource(scope, 'prompt', { name: 'Welcome', text: 'Welcome to Parley. Thank you for calling.' });
  await putResource(scope, 'prompt', { name: 'Beep.wav', file: 'beep' });
  const menu = await createFlow(scope, {
    name: 'Bank menu',
    type: 'CONTACT_FLOW',
    description: 'A DTMF menu',
  });
  await saveVersion(scope, menu.id, { content: await fixture('runs/menu-dtmf/flow.json'), message: 'Demo' });
  await publish(scope, menu.id);
  const transfer = await importFlow(scope, await fixture('flows/queue-transfer-billing.json'), {
    name: 'Billing transfer',
    message: 'Demo',
  });
  if (transfer.saved) await publish(scope, transfer.saved.flow.id);
  await putResource(scope, 'phoneNumber', { number: DEMO_NUMBER, flow: menu.id, description: 'Demo line' });
}
