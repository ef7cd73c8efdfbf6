import { readFile, stat } from 'node:fs/promises';
import { type Diagnostic, diagnostic, LIMITS } from '@parley/flow';

/** Reads a file for loadFlow, refusing oversized files from their size alone, before reading them. */
export async function readFlowFile(
  path: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; diagnostics: Diagnostic[] }> {
  try {
    const s = await stat(path);
    if (!s.isFile())
      return { ok: false, diagnostics: [diagnostic('FILE_UNREADABLE', `${path} is not a file`)] };
    if (s.size > LIMITS.maxBytes) {
      return {
        ok: false,
        diagnostics: [
          diagnostic(
            'INPUT_TOO_LARGE',
            `${path} is ${(s.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB`,
          ),
        ],
      };
    }
    return { ok: true, bytes: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { ok: false, diagnostics: [diagnostic('FILE_NOT_FOUND', `${path} does not exist`)] };
    return {
      ok: false,
      diagnostics: [diagnostic('FILE_UNREADABLE', `${path} cannot be read (${code ?? String(e)})`)],
    };
  }
}
