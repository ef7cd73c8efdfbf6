import type { LogEntry } from '../testcall/messages.js';

/** A past contact as GET /contacts lists it. */
export interface ContactSummary {
  contactId: string;
  initialContactId: string | null;
  initiationTimestamp: string | null;
  disconnectTimestamp: string | null;
}

/**
 * The blocks of this flow the contact had run once it reached entry `index`, in order: entries of
 * other flows (transfers, modules) are not on this canvas, and a block that logs several entries
 * (Set contact attributes logs one per attribute) is one step of the path.
 */
export function pathUpTo(entries: readonly LogEntry[], index: number, flowArn: string | undefined): string[] {
  const path: string[] = [];
  let previous: LogEntry | undefined;
  for (const entry of entries.slice(0, index + 1)) {
    const id = entry.Identifier;
    const ours = flowArn === undefined || entry.ContactFlowId === flowArn;
    const sameBlock =
      previous?.Identifier === id &&
      previous?.Timestamp === entry.Timestamp &&
      entry.ContactFlowModuleType === 'SetAttributes';
    if (ours && id !== undefined && !sameBlock) path.push(id);
    previous = entry;
  }
  return path;
}

/** The block entry `index` is about, when it belongs to this flow. */
export function blockAt(
  entries: readonly LogEntry[],
  index: number,
  flowArn: string | undefined,
): string | undefined {
  const entry = entries[index];
  if (!entry || (flowArn !== undefined && entry.ContactFlowId !== flowArn)) return undefined;
  return entry.Identifier;
}

/** A contact in the picker: when it started, and its ID's first characters. */
export function contactLabel(contact: ContactSummary): string {
  const when = contact.initiationTimestamp
    ? contact.initiationTimestamp.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')
    : 'unknown time';
  return `${when} · ${contact.contactId.slice(0, 8)}`;
}
