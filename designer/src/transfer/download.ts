import type { Download } from './transferApi.js';

/**
 * Hands text to the browser as a file: a Blob behind an object URL, clicked through a temporary
 * `<a download>` (no server round trip, so the file is named as the designer names it).
 */
export function saveDownload({ fileName, text }: Download, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; a revoke in the same task can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
