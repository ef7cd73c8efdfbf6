/** Asterisk writes `2026-11-21T03:20:47.196+0000`; Date.parse wants the offset with a colon. */
export function ariTime(timestamp: string): number {
  return Date.parse(timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}
