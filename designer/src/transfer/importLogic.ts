import type { ImportedReference, ImportReport, ResolvedBy } from '@parley/flow';
import type { ImportRequest } from './transferApi.js';

/*
 * The import dialog's decisions, framework-free: what each reference's resolution is called, how a
 * fix-up becomes a mapping entry, the request for a dry run or the import, and what stops an import.
 */

/** Into a new flow (named here), or as the next version of an existing flow (its ID). */
export type ImportTarget = { mode: 'new'; name: string } | { mode: 'version'; flow: string };

/** How the report says a reference resolved, in the dialog's words. */
export const RESOLUTION_LABELS: Readonly<Record<ResolvedBy, string>> = {
  map: 'mapping',
  arn: 'ARN',
  id: 'ID',
  name: 'name',
  unresolved: 'unresolved (kept as written)',
};

/**
 * The mapping key that fixes one reference up. The value as written maps every reference that
 * writes it (one queue used by three blocks is fixed once), except when references of the kind
 * share the value but carry different display names (a template's `%%QUEUE_ARN%%` standing for
 * several queues): those are told apart by their names, which the resolver tries after the value.
 */
export function fixKey(ref: ImportedReference, all: readonly ImportedReference[]): string {
  if (ref.name === null) return ref.arn;
  const shared = all.some((r) => r.kind === ref.kind && r.arn === ref.arn && r.name !== ref.name);
  return shared ? ref.name : ref.arn;
}

/** The fix-ups as the import route's `map`, or nothing when none is set. */
export function mappingOf(fixes: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const entries = Object.entries(fixes).filter(([, to]) => to !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The body of a dry run (the report only) or of the import itself. */
export function importRequest(
  content: string,
  target: ImportTarget,
  fixes: Readonly<Record<string, string>>,
  options: { dryRun: boolean; fileName?: string },
): ImportRequest {
  const map = mappingOf(fixes);
  const name = target.mode === 'new' ? target.name.trim() : '';
  return {
    content,
    ...(target.mode === 'version' ? { flow: target.flow } : name ? { name } : {}),
    ...(map ? { map } : {}),
    ...(options.dryRun
      ? { dryRun: true }
      : { message: options.fileName ? `Imported from ${options.fileName}` : 'Imported' }),
  };
}

/** Why Import cannot run yet, or undefined when it can. */
export function importBlocker(report: ImportReport | undefined, target: ImportTarget): string | undefined {
  if (!report) return 'Choose a flow file first.';
  const fatal = report.errors.find((d) => d.severity === 'error');
  if (fatal) return `The file cannot be imported: ${fatal.code}.`;
  if (report.flowType === null) return 'The file is not a flow.';
  if (target.mode === 'new' && target.name.trim() === '') return 'Name the new flow.';
  if (target.mode === 'version' && target.flow === '') return 'Pick the flow to import into.';
  return undefined;
}

/** References by how they resolved, for the report's summary line. */
export function resolutionCounts(report: ImportReport): { resolved: number; unresolved: number } {
  const unresolved = report.references.filter((r) => r.resolution === 'unresolved').length;
  return { resolved: report.references.length - unresolved, unresolved };
}
