import { onAbort } from './abort.js';
import type { Clock } from './clock.js';
import { AriError, abortedError } from './errors.js';
import { OPERATIONS, type OperationId } from './generated/operations.js';
import type { AriCall, AriParams, CallOptions } from './rest.js';

export interface RetryOptions {
  /** Tries in all, the first included. Default 3. */
  attempts?: number;
  /** Wait before the second try; doubles for each further one. Default 250 ms, on the client's clock. */
  delayMs?: number;
}

/**
 * How an operation may be repeated after a failure that Asterisk may or may not have acted on.
 * - `repeat`: doing it twice is doing it once (reads, answer, MOH on, setting a variable);
 * - `remove`: its goal is that something is gone, so a 404 on a repeat means an earlier try did it;
 * - `create`: it makes a thing under an id the client chose, so after a lost answer the client can
 *   look the id up before trying again instead of making it twice. (A playback that was made and
 *   has already ended by the look-up is not found, and plays again: Asterisk forgets finished ones.)
 * Everything else (DTMF, a play or originate without an id, recordings, dial, continue, user events)
 * would happen twice and is never repeated.
 */
type Policy =
  | { kind: 'repeat' }
  | { kind: 'remove' }
  | { kind: 'create'; probe: (params: Record<string, unknown>) => Probe | undefined };

type Probe = { [Id in OperationId]: { id: Id; params: AriParams<Id> } }[OperationId];

const REPEAT: ReadonlySet<string> = new Set([
  'channels.answer',
  'channels.ring',
  'channels.progress',
  'channels.startMoh',
  'channels.hold',
  'channels.mute',
  'channels.startSilence',
  'channels.setChannelVar',
  'channels.setChannelVars',
  'bridges.startMoh',
  'bridges.setBridgeVar',
  'bridges.setBridgeVars',
  'applications.subscribe',
  'applications.filter',
  'deviceStates.update',
  'mailboxes.update',
  'asterisk.setGlobalVar',
]);

const REMOVE: ReadonlySet<string> = new Set([
  'channels.hangup',
  'channels.ringStop',
  'channels.unmute',
  'channels.unhold',
  'channels.stopMoh',
  'channels.stopSilence',
  'bridges.destroy',
  'bridges.stopMoh',
  'bridges.clearVideoSource',
  'playbacks.stop',
  'recordings.cancel',
  'recordings.deleteStored',
  'applications.unsubscribe',
  'deviceStates.delete',
  'mailboxes.delete',
]);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const channelProbe = (key: string) => (params: Record<string, unknown>) => {
  const channelId = text(params[key]);
  return channelId === undefined ? undefined : ({ id: 'channels.get', params: { channelId } } as const);
};
const bridgeProbe = (params: Record<string, unknown>) => {
  const bridgeId = text(params.bridgeId);
  return bridgeId === undefined ? undefined : ({ id: 'bridges.get', params: { bridgeId } } as const);
};
const playbackProbe = (params: Record<string, unknown>) => {
  const playbackId = text(params.playbackId);
  return playbackId === undefined ? undefined : ({ id: 'playbacks.get', params: { playbackId } } as const);
};

const CREATE: Readonly<Record<string, (params: Record<string, unknown>) => Probe | undefined>> = {
  'channels.originate': channelProbe('channelId'),
  'channels.originateWithId': channelProbe('channelId'),
  'channels.create': channelProbe('channelId'),
  'channels.externalMedia': channelProbe('channelId'),
  'channels.snoopChannel': channelProbe('snoopId'),
  'channels.snoopChannelWithId': channelProbe('snoopId'),
  'bridges.create': bridgeProbe,
  'bridges.createWithId': bridgeProbe,
  'channels.playWithId': playbackProbe,
  'bridges.playWithId': playbackProbe,
};

/** The operation's retry policy with these parameters, or undefined when it must not be repeated. */
export function retryPolicy(id: OperationId, params: Readonly<Record<string, unknown>>): Policy | undefined {
  if (OPERATIONS[id].method === 'GET' || REPEAT.has(id)) return { kind: 'repeat' };
  if (REMOVE.has(id)) return { kind: 'remove' };
  const probe = CREATE[id];
  // Without a client-chosen id there is nothing to look up: the create cannot be told apart from a new one.
  if (probe?.(params) !== undefined) return { kind: 'create', probe };
  return undefined;
}

/**
 * Worth another try: Asterisk answered that it failed (5xx other than 501, which will never work), or
 * did not answer at all. 4xx answers are about the request or the resource and would come again.
 */
export function isRetryable(error: unknown): error is AriError {
  if (!(error instanceof AriError)) return false;
  if (error.isTransport()) return true;
  return error.code === 'HTTP' && error.status >= 500 && error.status !== 501;
}

/**
 * `call` with repeats where they are safe (`retryPolicy`): after a 5xx, a timeout or a lost
 * connection, up to `attempts` tries, the delay doubling on the clock. A create whose answer was lost
 * looks its id up first and returns what it finds; a removal that finds nothing on a repeat is done.
 * `CallOptions.retry: false` makes one call a single try.
 */
export function withRetries(call: AriCall, clock: Clock, options: RetryOptions = {}): AriCall {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const delayMs = Math.max(0, options.delayMs ?? 250);
  // A call given up while waiting to try again ends then, not at the end of the wait.
  const pause = (ms: number, id: OperationId, signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedError(id, signal));
        return;
      }
      const forget = signal
        ? onAbort(signal, () => {
            clock.clearTimeout(timer);
            reject(abortedError(id, signal));
          })
        : undefined;
      const timer = clock.setTimeout(() => {
        forget?.();
        resolve();
      }, ms);
    });
  const retrying = async (id: OperationId, params: unknown, callOptions?: CallOptions): Promise<unknown> => {
    const fields = (params ?? {}) as Record<string, unknown>;
    const policy = callOptions?.retry === false ? undefined : retryPolicy(id, fields);
    const once = call as (id: OperationId, params: unknown, options?: CallOptions) => Promise<unknown>;
    if (!policy) return once(id, params, callOptions);
    // Asterisk may have acted on a request whose answer never came.
    let unknownOutcome = false;
    for (let attempt = 1; ; attempt++) {
      try {
        if (unknownOutcome && policy.kind === 'create') {
          const probe = policy.probe(fields);
          const found = probe && (await lookUp(once, probe, callOptions));
          if (found !== undefined) return found;
        }
        return await once(id, params, callOptions);
      } catch (error) {
        if (attempt > 1 && policy.kind === 'remove' && error instanceof AriError && error.isGone())
          return undefined;
        if (!isRetryable(error) || attempt >= attempts) throw error;
        if (error.isTransport()) unknownOutcome = true;
        await pause(delayMs * 2 ** (attempt - 1), id, callOptions?.signal);
      }
    }
  };
  return retrying as AriCall;
}

/** The thing a create would have made, or undefined when it does not exist. */
async function lookUp(
  once: (id: OperationId, params: unknown, options?: CallOptions) => Promise<unknown>,
  probe: Probe,
  options?: CallOptions,
): Promise<unknown> {
  try {
    return await once(probe.id, probe.params, options);
  } catch (error) {
    if (error instanceof AriError && error.isGone()) return undefined;
    throw error;
  }
}
