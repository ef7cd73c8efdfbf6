import type { ResourceKind } from '../catalog/vocabulary.js';

/**
 * Amazon Resource Names as flows carry them (reference §7.2). Connect resources live under an
 * instance: `arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE_ID/queue/QUEUE_ID`.
 */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: `instance/…/queue/…`, `function:NAME`, `bot-alias/BOT/ALIAS`. */
  resource: string;
}

const ARN = /^arn:(aws[-a-z0-9]*):([a-z0-9-]+):([-a-z0-9]*):([0-9]{12}|aws|):(.+)$/;

export function parseArn(value: string): Arn | undefined {
  const m = ARN.exec(value);
  if (!m) return undefined;
  const [, partition = '', service = '', region = '', account = '', resource = ''] = m;
  return { partition, service, region, account, resource };
}

export const formatArn = (a: Arn): string =>
  `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${a.resource}`;

/** Connect's resource path segment for each kind it keeps under an instance. */
export const CONNECT_RESOURCE_SEGMENT: Partial<Record<ResourceKind, string>> = {
  queue: 'queue',
  agent: 'agent',
  flow: 'contact-flow',
  module: 'flow-module',
  prompt: 'prompt',
  hours: 'operating-hours',
  view: 'view',
  taskTemplate: 'task-template',
  emailAddress: 'email-address',
};

export interface ConnectResourceArn extends Arn {
  instanceId: string;
  /** `queue`, `contact-flow`, `prompt`… */
  resourceType: string;
  resourceId: string;
  /** `$SAVED` and similar qualifiers on flow ARNs. */
  qualifier?: string;
}

export function parseConnectArn(value: string): ConnectResourceArn | undefined {
  const arn = parseArn(value);
  if (arn?.service !== 'connect') return undefined;
  const m = /^instance\/([^/]+)\/([a-z-]+)\/([^/:]+)(?::(.+))?$/.exec(arn.resource);
  if (!m) return undefined;
  const [, instanceId = '', resourceType = '', resourceId = '', qualifier] = m;
  return { ...arn, instanceId, resourceType, resourceId, ...(qualifier ? { qualifier } : {}) };
}

/**
 * The kind of resource an ARN names, or undefined when it is not one Parley models. Used to catch
 * a queue ARN where a prompt belongs.
 */
export function arnKind(value: string): ResourceKind | undefined {
  // Runs for every resource parameter of every flow validated: split by hand, no regex, no objects.
  if (!value.startsWith('arn:')) return undefined;
  const afterPartition = value.indexOf(':', 4);
  const afterService = value.indexOf(':', afterPartition + 1);
  const afterRegion = value.indexOf(':', afterService + 1);
  const afterAccount = value.indexOf(':', afterRegion + 1);
  if (afterPartition < 0 || afterService < 0 || afterRegion < 0 || afterAccount < 0) return undefined;
  const service = value.slice(afterPartition + 1, afterService);
  const resource = value.slice(afterAccount + 1);
  if (service === 'lambda') return resource.startsWith('function:') ? 'lambda' : undefined;
  if (service === 'lex') return resource.startsWith('bot-alias/') ? 'lexV2Alias' : 'lexBot';
  if (service === 'wisdom') {
    if (resource.startsWith('assistant/')) return 'wisdomAssistant';
    if (resource.startsWith('knowledge-base/')) return 'wisdomKnowledgeBase';
    if (resource.startsWith('message-template/')) return 'messageTemplate';
    return undefined;
  }
  if (service !== 'connect') return undefined;
  if (resource.startsWith('phone-number/')) return 'phoneNumber';
  if (!resource.startsWith('instance/')) return undefined;
  const segment = resource.split('/', 3)[2];
  return segment === undefined ? undefined : KIND_BY_SEGMENT.get(segment);
}

const KIND_BY_SEGMENT = new Map(
  Object.entries(CONNECT_RESOURCE_SEGMENT).map(([kind, segment]) => [segment, kind as ResourceKind]),
);

/** Template placeholders left by infrastructure code where a value belongs: `${…}`, `{{…}}`, `%%…%%`. */
const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}|%%[^%]*%%/;

// Runs on every string of every parameter: the regex only where one of its openings occurs.
export const hasPlaceholder = (value: string): boolean =>
  (value.includes('${') || value.includes('{{') || value.includes('%%')) && PLACEHOLDER.test(value);
