import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../app/api.js';
import type { LogEntry } from '../testcall/messages.js';
import type { ContactSummary } from './replay.js';

export interface ReplayControls {
  /** The flow's ARN, which its contacts' log entries name (undefined until read). */
  flowArn: string | undefined;
  contacts: readonly ContactSummary[];
  /** Reads the flow's contacts again (a test call just ended). */
  refresh(): void;
  contactId: string | undefined;
  pick(contactId: string): void;
  entries: readonly LogEntry[];
  index: number;
  go(index: number): void;
  playing: boolean;
  setPlaying(playing: boolean): void;
  error: string | undefined;
}

/** Time between steps while playing: long enough to see each block light up. */
const PLAY_STEP_MS = 900;

/** Past contacts of a flow and the flow log of the one picked, stepped through. */
export function useReplay(api: Api, instance: string, flowId: string): ReplayControls {
  const base = `/api/instances/${encodeURIComponent(instance)}`;
  const [flowArn, setFlowArn] = useState<string>();
  const [contacts, setContacts] = useState<readonly ContactSummary[]>([]);
  const [contactId, setContactId] = useState<string>();
  const [entries, setEntries] = useState<readonly LogEntry[]>([]);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string>();
  const [listed, setListed] = useState(0);
  const failed = useCallback((e: unknown) => setError(e instanceof Error ? e.message : String(e)), []);
  const refresh = useCallback(() => setListed((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    api.flow(instance, flowId).then((flow) => {
      // The API's flow carries its ARN; the designer's summary type leaves it out.
      const arn = (flow as { arn?: unknown }).arn;
      if (current && typeof arn === 'string') setFlowArn(arn);
    }, failed);
    return () => {
      current = false;
    };
  }, [api, instance, flowId, failed]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `listed` counts refresh requests
  useEffect(() => {
    if (!flowArn) return;
    let current = true;
    api
      .send('GET', `${base}/contacts?limit=50&flow=${encodeURIComponent(flowArn)}`)
      .then((res) => res.json() as Promise<{ contacts: ContactSummary[] }>)
      .then((body) => current && setContacts(body.contacts), failed);
    return () => {
      current = false;
    };
  }, [api, base, flowArn, listed, failed]);

  const pick = useCallback(
    (id: string) => {
      setContactId(id);
      setEntries([]);
      setIndex(0);
      setPlaying(false);
      api
        .send('GET', `${base}/contacts/${encodeURIComponent(id)}/logs?limit=10000`)
        .then((res) => res.json() as Promise<{ entries: LogEntry[] }>)
        .then((body) => setEntries(body.entries), failed);
    },
    [api, base, failed],
  );

  useEffect(() => {
    if (!playing) return;
    if (index >= entries.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setIndex((i) => i + 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, entries.length]);

  return {
    flowArn,
    contacts,
    refresh,
    contactId,
    pick,
    entries,
    index,
    go: (i) => setIndex(Math.max(0, Math.min(entries.length - 1, i))),
    playing,
    setPlaying: (p) => setPlaying(p && entries.length > 0),
    error,
  };
}
