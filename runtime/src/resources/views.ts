/** The forms the runtime's lookups answer with, made from resource entries. */
import type { HoursOfOperation, QueueInfo } from '@parley/flow';
import type { FunctionResource } from '../integrations/lambda.js';
import type { ResourceEntry } from './types.js';

export interface QueueResource extends QueueInfo {
  /** Contacts the queue holds before TransferContactToQueue takes QueueAtCapacity; unlimited when absent. */
  maxContacts?: number;
}

export type HoursResource = HoursOfOperation & { id: string; arn: string; name: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function queueView({ id, arn, name, ...entry }: ResourceEntry): QueueResource {
  const queue: QueueResource = { id, arn, name };
  const hours = str(entry.hoursOfOperation);
  const callerId = str(entry.outboundCallerId);
  if (hours !== undefined) queue.hoursOfOperationId = hours;
  if (callerId !== undefined) queue.outboundCallerId = { Address: callerId, Type: 'TELEPHONE_NUMBER' };
  if (typeof entry.maxContacts === 'number') queue.maxContacts = entry.maxContacts;
  return queue;
}

/** Hours as the engine reads them: Connect's DescribeHoursOfOperation shape. */
export function hoursView({ id, arn, name, ...entry }: ResourceEntry): HoursResource {
  const overrides = entry.overrides as HoursOfOperation['Overrides'];
  return {
    id,
    arn,
    name,
    HoursOfOperationId: id,
    HoursOfOperationArn: arn,
    Name: name,
    TimeZone: entry.timeZone as string,
    Config: entry.config as HoursOfOperation['Config'],
    ...(overrides ? { Overrides: overrides } : {}),
  };
}

/** Where a Lambda entry runs: its local module, else its HTTP endpoint. */
export function functionView(entry: ResourceEntry): FunctionResource {
  const module = str(entry.module);
  const handler = str(entry.handler);
  const headers = entry.headers as Record<string, string> | undefined;
  return module
    ? { kind: 'module', path: module, ...(handler ? { handler } : {}) }
    : { kind: 'http', url: str(entry.url) ?? '', ...(headers ? { headers } : {}) };
}

/** A Lambda entry's fields for a function given as the runtime knows it. */
export const functionFields = (r: FunctionResource): Record<string, unknown> =>
  r.kind === 'module'
    ? { module: r.path, ...(r.handler ? { handler: r.handler } : {}) }
    : { url: r.url, ...(r.headers ? { headers: r.headers } : {}) };
