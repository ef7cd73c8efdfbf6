import type { EventBus } from '../../services/events.js';
import type { Store } from '../../store/index.js';

export interface RouteDeps {
  store: Store;
  events: EventBus;
}

export const instanceParams = {
  type: 'object',
  required: ['instance'],
  properties: { instance: { type: 'string', maxLength: 128, description: 'Instance ID or alias' } },
} as const;

export const withParams = (extra: Record<string, { type: string; [k: string]: unknown }>) => ({
  type: 'object',
  required: ['instance', ...Object.keys(extra)],
  properties: { ...instanceParams.properties, ...extra },
});

/** An error body, for the OpenAPI description. */
export const problemSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    title: { type: 'string' },
    message: { type: 'string' },
    diagnostics: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;
