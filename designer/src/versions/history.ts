import { type FlowModel, loadFlow } from '@parley/flow';
import type { Api, SaveResult, VersionHistory, VersionSummary } from '../app/api.js';

/** One line of the versions list. */
export interface VersionRow extends VersionSummary {
  /** The version contacts run. */
  published: boolean;
  /** The version the editor's draft is based on. */
  current: boolean;
}

/** The published version: the latest publication's (a rollback is a publication too). */
export const publishedOf = (history: VersionHistory): number | null =>
  history.publications[0]?.version ?? null;

/** Newest first, whatever order the server answered in, each with its markers. */
export function versionRows(history: VersionHistory, current: number): VersionRow[] {
  const published = publishedOf(history);
  return [...history.versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ ...v, published: v.version === published, current: v.version === current }));
}

/** How long ago, for a list read at a glance; the exact time goes in the title. */
export function formatWhen(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 7 * 86_400) return `${Math.floor(s / 86_400)} d ago`;
  return new Date(at).toISOString().slice(0, 10);
}

export const restoreMessage = (version: number): string => `Restore version ${version}`;

/**
 * Saves an older version's content as the new latest version. The base is the latest version as
 * the server lists it now, so a restore never conflicts with versions saved since the list was read;
 * the content is the older version's text as stored, so nothing of it is lost in a round-trip.
 */
export async function restoreVersion(
  api: Api,
  instance: string,
  flow: string,
  version: number,
): Promise<SaveResult> {
  const [content, summary] = await Promise.all([
    api.flowContent(instance, flow, version),
    api.flow(instance, flow),
  ]);
  if (content.text === undefined) throw new Error(`Version ${version} has no content`);
  return api.saveVersion(instance, flow, {
    content: content.text,
    message: restoreMessage(version),
    baseVersion: summary.latestVersion,
  });
}

/** A saved version as a model, with the diagnostics it loads with. */
export async function loadVersion(
  api: Api,
  instance: string,
  flow: string,
  version: number,
): Promise<{ model: FlowModel; diagnostics: ReturnType<typeof loadFlow>['diagnostics'] }> {
  const content = await api.flowContent(instance, flow, version);
  const loaded = loadFlow(content.text ?? '');
  if (!loaded.model)
    throw new Error(`Version ${version} does not load: ${loaded.diagnostics[0]?.message ?? 'no flow'}`);
  return { model: loaded.model, diagnostics: loaded.diagnostics };
}
