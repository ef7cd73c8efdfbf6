import { type Diagnostic, type FlowModel, serialize } from '@parley/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type SaveResult } from '../app/api.js';

/** Why the last save or publish did not happen. */
export type SaveProblem =
  | { kind: 'conflict'; message: string; latestVersion: number | undefined }
  | { kind: 'publish'; message: string; diagnostics: Diagnostic[] }
  | { kind: 'error'; message: string };

export function problemOf(error: unknown, baseVersion?: number): SaveProblem {
  if (!(error instanceof ApiError))
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  if (error.code === 'STORE_VERSION_CONFLICT') {
    const latest = error.body.latestVersion;
    const since =
      baseVersion === undefined ? '' : ` after version ${baseVersion}, which your changes are based on`;
    return {
      kind: 'conflict',
      latestVersion: latest,
      message: `Not saved: version ${latest ?? '?'} was saved${since} (another tab or another author).`,
    };
  }
  if (error.code === 'PUBLISH_HAS_ERRORS')
    return { kind: 'publish', message: error.message, diagnostics: error.body.diagnostics ?? [] };
  return { kind: 'error', message: error.code ? `${error.code}: ${error.message}` : error.message };
}

export const saveNotice = (r: SaveResult): string =>
  r.unchanged ? `No changes since version ${r.version.version}` : `Saved version ${r.version.version}`;

/** Why Publish is unavailable, or undefined when it is available. */
export function publishBlocker(dirty: boolean, version: number): string | undefined {
  if (version === 0) return 'Save a first version to publish';
  if (dirty) return 'Save your changes first: publishing pins the latest saved version';
  return undefined;
}

export interface FlowSavingInput {
  model: FlowModel;
  /** The version the model was opened from (0 for a flow with none yet). */
  version: number;
  publishedVersion: number | null;
  save(content: string, message: string, baseVersion: number): Promise<SaveResult>;
  publish(): Promise<{ version: number }>;
  /** Told after a save or publish changed the flow (to refresh the flows list). */
  onChange?: () => void;
}

export interface FlowSaving {
  dirty: boolean;
  version: number;
  publishedVersion: number | null;
  busy: 'saving' | 'publishing' | undefined;
  message: string;
  setMessage(message: string): void;
  notice: string | undefined;
  problem: SaveProblem | undefined;
  publishBlocker: string | undefined;
  /** Saves on top of the version opened; `overwrite` saves on top of the newer one a conflict named. */
  save(options?: { overwrite?: boolean }): Promise<void>;
  publish(): Promise<void>;
  dismiss(): void;
}

/** Saving versions of the model being edited, publishing, and whether there is anything unsaved. */
export function useFlowSaving(input: FlowSavingInput): FlowSaving {
  const [saved, setSaved] = useState(input.model);
  const [version, setVersion] = useState(input.version);
  const [publishedVersion, setPublished] = useState(input.publishedVersion);
  // Publishing happens outside the save bar too (a rollback from the versions list).
  useEffect(() => setPublished(input.publishedVersion), [input.publishedVersion]);
  const [busy, setBusy] = useState<FlowSaving['busy']>();
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<SaveProblem>();
  const latest = useRef(input);
  latest.current = input;
  const dirty = input.model !== saved;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useCallback(
    async ({ overwrite = false } = {}) => {
      if (busy) return;
      const { model } = latest.current;
      const base = overwrite && problem?.kind === 'conflict' ? (problem.latestVersion ?? version) : version;
      setBusy('saving');
      try {
        const result = await latest.current.save(serialize(model), message, base);
        setSaved(model);
        setVersion(result.version.version);
        setNotice(saveNotice(result));
        setProblem(undefined);
        setMessage('');
        latest.current.onChange?.();
      } catch (e) {
        setNotice(undefined);
        setProblem(problemOf(e, base));
      } finally {
        setBusy(undefined);
      }
    },
    [busy, problem, version, message],
  );

  const publish = useCallback(async () => {
    if (busy) return;
    setBusy('publishing');
    try {
      const result = await latest.current.publish();
      setPublished(result.version);
      setNotice(`Published version ${result.version}`);
      setProblem(undefined);
      latest.current.onChange?.();
    } catch (e) {
      setNotice(undefined);
      setProblem(problemOf(e));
    } finally {
      setBusy(undefined);
    }
  }, [busy]);

  const dismiss = useCallback(() => {
    setProblem(undefined);
    setNotice(undefined);
  }, []);

  return {
    dirty,
    version,
    publishedVersion,
    busy,
    message,
    setMessage,
    notice,
    problem,
    publishBlocker: publishBlocker(dirty, version),
    save,
    publish,
    dismiss,
  };
}
