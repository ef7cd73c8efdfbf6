import type { ResourceType } from './types.js';

/** What a masked credential reads as. */
export const SECRET_MASK = '********';

/**
 * The entry as a token that may only read sees it: each value of the kind's secret fields masked
 * (an object's values one by one, so the names of the headers stay visible).
 */
export function maskSecrets<T extends Record<string, unknown>>(type: ResourceType, entry: T): T {
  if (!type.secrets?.some((field) => entry[field] !== undefined)) return entry;
  const out: Record<string, unknown> = { ...entry };
  for (const field of type.secrets) {
    const value = out[field];
    if (value === undefined) continue;
    out[field] =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.keys(value).map((k) => [k, SECRET_MASK]))
        : SECRET_MASK;
  }
  return out as T;
}
