import type { InstanceRow, Store } from '../store/index.js';
import type { EventBus } from './events.js';

/** Who acts: written into versions, publications and the audit log. */
export interface Actor {
  /** Token id, or `system` for what Parley does itself. */
  id: string;
  name: string;
}

export const SYSTEM: Actor = { id: 'system', name: 'parley' };

/** What every service call runs against. */
export interface ServiceContext {
  store: Store;
  events: EventBus;
  now?: () => Date;
}

export interface InstanceScope extends ServiceContext {
  instance: InstanceRow;
  actor: Actor;
}

/** `arn:<partition>:connect:<region>:<account>:instance/<id>` */
export const instanceArn = (i: InstanceRow): string =>
  `arn:${i.partition}:connect:${i.region}:${i.account}:instance/${i.id}`;
