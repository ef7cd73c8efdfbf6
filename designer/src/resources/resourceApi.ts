import type { Api } from '../app/api.js';
import { entriesOf, type ResourceEntry } from '../inspector/resources.js';

/*
 * The resource routes (runtime/src/server/routes/resources.ts, resource-types.ts) over Api.send.
 */

export type JsonSchema = Readonly<Record<string, unknown>>;

/** One kind of resource as GET /api/resource-types describes it. */
export interface ResourceTypeInfo {
  kind: string;
  /** The API path segment: `queues`, `hours-of-operation`… */
  path: string;
  /** The list response's key: `queues`, `hoursOfOperation`… */
  collection: string;
  title: string;
  flowKinds: readonly string[];
  /** Lives outside the instance (Lambda, Lex): its ARN is given, not derived. */
  external: boolean;
  schema: JsonSchema;
}

const base = (instance: string, type: ResourceTypeInfo) =>
  `/api/instances/${encodeURIComponent(instance)}/${encodeURIComponent(type.path)}`;

export async function resourceTypes(api: Api): Promise<ResourceTypeInfo[]> {
  const res = await api.send('GET', '/api/resource-types');
  return ((await res.json()) as { resourceTypes: ResourceTypeInfo[] }).resourceTypes;
}

export async function listResources(
  api: Api,
  instance: string,
  type: ResourceTypeInfo,
): Promise<ResourceEntry[]> {
  return entriesOf(await api.resources(instance, type.path), type.collection);
}

export async function createResource(
  api: Api,
  instance: string,
  type: ResourceTypeInfo,
  body: object,
): Promise<ResourceEntry> {
  return (await (await api.send('POST', base(instance, type), body)).json()) as ResourceEntry;
}

/** Replaces the entry: what the body leaves out is gone. */
export async function updateResource(
  api: Api,
  instance: string,
  type: ResourceTypeInfo,
  id: string,
  body: object,
): Promise<ResourceEntry> {
  const res = await api.send('PUT', `${base(instance, type)}/${encodeURIComponent(id)}`, body);
  return (await res.json()) as ResourceEntry;
}

export async function deleteResource(
  api: Api,
  instance: string,
  type: ResourceTypeInfo,
  id: string,
): Promise<void> {
  await api.send('DELETE', `${base(instance, type)}/${encodeURIComponent(id)}`);
}

/** A prompt's audio: an 8 kHz WAV the server checks, replacing the prompt's other source. */
export async function uploadPromptAudio(
  api: Api,
  instance: string,
  id: string,
  wav: Blob,
): Promise<ResourceEntry> {
  const path = `/api/instances/${encodeURIComponent(instance)}/prompts/${encodeURIComponent(id)}/audio`;
  const bytes = wav.type === 'audio/wav' ? wav : new Blob([wav], { type: 'audio/wav' });
  return (await (await api.send('PUT', path, bytes)).json()) as ResourceEntry;
}
