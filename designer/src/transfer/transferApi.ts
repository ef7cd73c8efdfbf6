import type { ImportReport } from '@parley/flow';
import type { Api, SaveResult } from '../app/api.js';

/*
 * The import and export routes (runtime/src/server/routes/transfer.ts, bundles.ts) over Api.send.
 */

export interface ImportRequest {
  /** The flow's JSON text as chosen or pasted. */
  content: string;
  /** Import as a new version of this flow (its ID); a new flow otherwise. */
  flow?: string;
  /** The new flow's name. */
  name?: string;
  /** Old value (ARN, ID or display name) → the instance resource that replaces it. */
  map?: Record<string, string>;
  message?: string;
  dryRun?: boolean;
}

export interface ImportResult {
  report: ImportReport;
  /** The version made; absent on a dry run. */
  saved?: SaveResult;
}

/** A file to hand to the browser as a download. */
export interface Download {
  fileName: string;
  text: string;
}

const base = (instance: string) => `/api/instances/${encodeURIComponent(instance)}`;

export async function importFlow(api: Api, instance: string, request: ImportRequest): Promise<ImportResult> {
  const res = await api.send('POST', `${base(instance)}/import`, request);
  return (await res.json()) as ImportResult;
}

/**
 * A file name from a flow's name as Connect's console names its exports (`<name>.json`), with
 * only the characters file systems refuse replaced.
 */
export function fileNameFor(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what file systems refuse
  const safe = name.replace(/[\u0000-\u001f/\\:*?"<>|]+/g, '_').trim();
  return `${safe || 'flow'}.json`;
}

/** One version of a flow as Connect imports it (names in Metadata); the server's pick when absent. */
export async function exportFlow(
  api: Api,
  instance: string,
  flow: { id: string; name: string },
  version?: number,
): Promise<Download> {
  const query = version === undefined ? '' : `?version=${version}`;
  const res = await api.send('GET', `${base(instance)}/flows/${encodeURIComponent(flow.id)}/export${query}`);
  return { fileName: fileNameFor(flow.name), text: await res.text() };
}

/** The whole instance as an instance bundle. */
export async function exportBundle(api: Api, instance: string): Promise<Download> {
  const res = await api.send('GET', `${base(instance)}/bundle`);
  return { fileName: fileNameFor(`${instance} bundle`), text: await res.text() };
}
