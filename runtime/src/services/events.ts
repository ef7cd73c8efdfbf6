import { EventEmitter } from 'node:events';

/** What the server tells WebSocket listeners; `instanceId` scopes who may hear it. */
export type ParleyEvent =
  | { type: 'flow.saved'; instanceId: string; flowId: string; version: number }
  | {
      type: 'flow.published';
      instanceId: string;
      flowId: string;
      version: number;
      action: 'publish' | 'rollback';
    }
  | { type: 'resource.changed'; instanceId: string; kind: string; id: string; deleted: boolean }
  | {
      type: 'contact.started';
      instanceId: string;
      contactId: string;
      flowId: string;
      from: string;
      to: string;
    }
  | { type: 'contact.ended'; instanceId: string; contactId: string; reason: string }
  | { type: 'flow.log'; instanceId: string; contactId: string; entry: Record<string, unknown> };

/** In-process fan-out of ParleyEvents (one server process; workers share nothing through it). */
export class EventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  emit(event: ParleyEvent): void {
    this.#emitter.emit('event', event);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (event: ParleyEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }

  get listeners(): number {
    return this.#emitter.listenerCount('event');
  }
}
