/**
 * The sound files Asterisk's English say.c strings together for `digits:`, `number:` and
 * `characters:` URIs, and the tone patterns of `tone:` URIs (indications.conf, zone us).
 */

const DIGIT_SYMBOLS: Record<string, string> = {
  '*': 'digits/star',
  '#': 'digits/pound',
  '-': 'digits/minus',
};

export function digitFiles(text: string): string[] {
  return [...text].map((c) => (c >= '0' && c <= '9' ? `digits/${c}` : (DIGIT_SYMBOLS[c] ?? `digits/${c}`)));
}

export function numberFiles(n: number): string[] {
  if (n < 0) return ['digits/minus', ...numberFiles(-n)];
  if (n === 0) return ['digits/0'];
  const out: string[] = [];
  let rest = n;
  for (const [size, word] of [
    [1_000_000, 'digits/million'],
    [1000, 'digits/thousand'],
  ] as const) {
    if (rest >= size) {
      out.push(...numberFiles(Math.floor(rest / size)), word);
      rest %= size;
    }
  }
  if (rest >= 100) {
    out.push(`digits/${Math.floor(rest / 100)}`, 'digits/hundred');
    rest %= 100;
  }
  if (rest >= 20) {
    out.push(`digits/${Math.floor(rest / 10) * 10}`);
    rest %= 10;
  }
  if (rest > 0) out.push(`digits/${rest}`);
  return out;
}

const CHARACTER_SYMBOLS: Record<string, string> = {
  '*': 'letters/asterisk',
  '#': 'letters/pound',
  '!': 'letters/exclaimation-point',
  '@': 'letters/at',
  $: 'letters/dollar',
  '-': 'letters/dash',
  '.': 'letters/dot',
  '=': 'letters/equals',
  '+': 'letters/plus',
  '/': 'letters/slash',
  ' ': 'letters/space',
};

export function characterFiles(text: string): string[] {
  return [...text.toLowerCase()].map((c) => {
    if (c >= '0' && c <= '9') return `digits/${c}`;
    if (c >= 'a' && c <= 'z') return `letters/${c}`;
    return CHARACTER_SYMBOLS[c] ?? `letters/${c}`;
  });
}

/** One part of a tone: audible or not, for `ms` (undefined = until stopped); `once` parts do not repeat. */
export interface TonePart {
  audible: boolean;
  ms: number | undefined;
  once: boolean;
}

const US_TONES: Record<string, string> = {
  dial: '350+440',
  busy: '480+620/500,0/500',
  ring: '440+480/2000,0/4000',
  congestion: '480+620/250,0/250',
  callwaiting: '440/300,0/10000',
  dialrecall: '!350+440/100,!0/100,!350+440/100,!0/100,!350+440/100,!0/100,350+440',
  record: '1400/500,0/15000',
  info: '!950/330,!1400/330,!1800/330,0',
  stutter: '!350+440/100,!0/100,!350+440/100,!0/100,!350+440/100,!0/100,350+440',
};

/** `tone:ring;tonezone=us` or a raw `440+480/2000,0/4000`; undefined when it is neither. */
export function parseTone(spec: string): TonePart[] | undefined {
  const name = spec.split(';')[0] ?? '';
  const pattern = US_TONES[name] ?? name;
  const parts: TonePart[] = [];
  for (const raw of pattern.split(',')) {
    const m = /^(!?)(\d+)(?:[+*]\d+)*(?:\/(\d+))?$/.exec(raw.trim());
    if (!m) return undefined;
    parts.push({
      audible: m[2] !== '0',
      ms: m[3] === undefined ? undefined : Number(m[3]),
      once: m[1] === '!',
    });
  }
  return parts.length > 0 ? parts : undefined;
}
