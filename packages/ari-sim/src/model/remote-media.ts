import { type Clip, decodeClip } from './media.js';

/**
 * `sound:http(s)://...` through res_http_media_cache: the file's format comes from the
 * Content-Type first (audio/wav → wav, 8 kHz only; `rate=16000` → wav16; audio/basic → μ-law),
 * then from the URL's extension, and the bytes must then really be that format.
 */
function formatFor(contentType: string | null, url: string): string | undefined {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('audio/wav') || type.startsWith('audio/x-wav')) {
    return /rate=16000/.test(type) ? 'wav16' : 'wav';
  }
  if (type.startsWith('audio/basic')) return 'pcm';
  if (type.startsWith('audio/x-gsm') || type.startsWith('audio/gsm')) return 'gsm';
  const path = new URL(url).pathname;
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : path.slice(dot + 1).toLowerCase();
}

interface Entry {
  clip: Clip | undefined;
  expires: number;
  etag: string | undefined;
}

function expiry(headers: Headers, now: number): number {
  const control = headers.get('cache-control') ?? '';
  const maxAge = /(?:s-maxage|max-age)=(\d+)/.exec(control);
  if (maxAge) return now + Number(maxAge[1]) * 1000;
  const expires = headers.get('expires');
  return expires ? Date.parse(expires) || now : now;
}

/** Entries keyed by URI; with no caching headers an entry is stale at once (downloaded again). */
export class RemoteMediaCache {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly now: () => number) {}

  async fetch(url: string): Promise<Clip | undefined> {
    const cached = this.#entries.get(url);
    if (cached && cached.expires > this.now()) return cached.clip;
    try {
      const headers: Record<string, string> = {};
      if (cached?.etag) headers['If-None-Match'] = cached.etag;
      const res = await fetch(url, { headers });
      if (res.status === 304 && cached) {
        cached.expires = expiry(res.headers, this.now());
        return cached.clip;
      }
      if (!res.ok) return undefined;
      const bytes = Buffer.from(await res.arrayBuffer());
      const format = formatFor(res.headers.get('content-type'), url);
      const clip = format ? decodeClip(format, bytes) : undefined;
      this.#entries.set(url, {
        clip,
        expires: expiry(res.headers, this.now()),
        etag: res.headers.get('etag') ?? undefined,
      });
      return clip;
    } catch {
      return undefined;
    }
  }
}
