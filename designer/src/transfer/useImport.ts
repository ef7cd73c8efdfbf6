import { useCallback, useEffect, useState } from 'react';
import { type Api, ApiError } from '../app/api.js';
import { type ImportTarget, importBlocker, importRequest } from './importLogic.js';
import { type ImportResult, importFlow } from './transferApi.js';

/** The flow text chosen (file or paste) and where it came from. */
export interface ImportSource {
  text: string;
  /** The file's name; undefined when pasted. */
  fileName?: string;
}

export type DryRun =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'failed'; error: ApiError | Error }
  | { state: 'done'; result: ImportResult };

export interface ImportState {
  source: ImportSource | undefined;
  setSource(source: ImportSource | undefined): void;
  target: ImportTarget;
  setTarget(target: ImportTarget): void;
  /** Fix-ups: mapping key (see fixKey) → the picked resource's value. */
  fixes: Readonly<Record<string, string>>;
  fix(key: string, value: string): void;
  dryRun: DryRun;
  /** Why Import is disabled, if it is. */
  blocker: string | undefined;
  importing: boolean;
  /** The import's refusal or a result that saved nothing. */
  problem: ApiError | Error | undefined;
  /** Imports for real; resolves with the flow's ID once saved. */
  runImport(): Promise<string | undefined>;
}

/**
 * The import dialog's state: the dry run is re-run whenever the file, the target flow or a fix-up
 * changes, so the report always describes what Import would do. The name of a new flow plays no
 * part in resolution, so typing it runs nothing.
 */
export function useImport(api: Api, instance: string): ImportState {
  const [source, setSourceState] = useState<ImportSource>();
  const [target, setTarget] = useState<ImportTarget>({ mode: 'new', name: '' });
  const [fixes, setFixes] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<DryRun>({ state: 'idle' });
  const [importing, setImporting] = useState(false);
  const [problem, setProblem] = useState<ApiError | Error>();
  // Until a flow is picked the file is checked as a new flow would be.
  const flow = target.mode === 'version' && target.flow !== '' ? target.flow : undefined;

  const setSource = useCallback((next: ImportSource | undefined) => {
    setSourceState(next);
    setFixes({});
    setProblem(undefined);
  }, []);
  const fix = useCallback((key: string, value: string) => setFixes((f) => ({ ...f, [key]: value })), []);

  useEffect(() => {
    if (!source) {
      setDryRun({ state: 'idle' });
      return;
    }
    let current = true;
    setDryRun({ state: 'running' });
    const request = importRequest(
      source.text,
      flow === undefined ? { mode: 'new', name: '' } : { mode: 'version', flow },
      fixes,
      { dryRun: true },
    );
    importFlow(api, instance, request).then(
      (result) => {
        if (!current) return;
        setDryRun({ state: 'done', result });
        // The file's own name for a new flow, unless one was typed.
        const named = result.report.name;
        if (named) setTarget((t) => (t.mode === 'new' && t.name === '' ? { mode: 'new', name: named } : t));
      },
      (error: unknown) =>
        current &&
        setDryRun({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [api, instance, source, flow, fixes]);

  const report = dryRun.state === 'done' ? dryRun.result.report : undefined;
  const blocker = dryRun.state === 'running' ? 'Checking the file…' : importBlocker(report, target);

  const runImport = async (): Promise<string | undefined> => {
    if (!source || blocker) return undefined;
    setImporting(true);
    setProblem(undefined);
    try {
      const request = importRequest(source.text, target, fixes, {
        dryRun: false,
        ...(source.fileName ? { fileName: source.fileName } : {}),
      });
      const result = await importFlow(api, instance, request);
      if (result.saved) return result.saved.flow.id;
      setProblem(new Error('Nothing was imported: the file is not a flow of the target type.'));
      return undefined;
    } catch (e) {
      setProblem(e instanceof Error ? e : new ApiError(0, undefined, String(e)));
      return undefined;
    } finally {
      setImporting(false);
    }
  };

  return {
    source,
    setSource,
    target,
    setTarget,
    fixes,
    fix,
    dryRun,
    blocker,
    importing,
    problem,
    runImport,
  };
}
