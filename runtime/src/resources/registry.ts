import { botType } from './kinds/bot.js';
import { hoursType } from './kinds/hours.js';
import { lambdaType } from './kinds/lambda.js';
import { phoneNumberType } from './kinds/phone-number.js';
import { routingProfileType, securityProfileType } from './kinds/profiles.js';
import { promptType } from './kinds/prompt.js';
import { queueType } from './kinds/queue.js';
import { quickConnectType } from './kinds/quick-connect.js';
import { userType } from './kinds/user.js';
import type { ResourceKindName, ResourceType } from './types.js';

/** Every kind of resource an instance holds, in the order a bundle lists them. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  phoneNumberType,
  queueType,
  hoursType,
  promptType,
  lambdaType,
  botType,
  quickConnectType,
  userType,
  routingProfileType,
  securityProfileType,
];

const byKind = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));
const byPath = new Map(RESOURCE_TYPES.map((t) => [t.path, t]));

export function resourceType(kind: ResourceKindName): ResourceType {
  const type = byKind.get(kind);
  // Only reachable by casting past the type: kinds are a closed list.
  if (!type) throw new Error(`no resource kind ${kind}`);
  return type;
}

/** The kind an API path segment (`hours-of-operation`) names. */
export const resourceTypeByPath = (path: string): ResourceType | undefined => byPath.get(path);

export const isResourceKind = (value: string): value is ResourceKindName =>
  byKind.has(value as ResourceKindName);
