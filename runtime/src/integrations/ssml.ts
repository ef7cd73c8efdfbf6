/**
 * The SSML Connect accepts in prompts (Polly's tag set), read without an XML library: prompts are
 * short, and what matters is that no tag is ever spoken aloud. `toEspeakSsml` keeps what espeak-ng
 * honours under `-m` (paragraphs, sentences, breaks, prosody, emphasis, some say-as) and unwraps or
 * drops the rest; `ssmlToText` gives the words alone, for transcripts and `expectPrompt`.
 */
export type SsmlNode =
  | { kind: 'text'; text: string }
  | { kind: 'element'; name: string; attrs: Record<string, string>; children: SsmlNode[] };

export type SsmlParse = { ok: true; nodes: SsmlNode[] } | { ok: false; message: string };

const NAME = /^[A-Za-z_][\w:.-]*/;
const ATTR = /^\s*([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/;

export function parseSsml(input: string): SsmlParse {
  const root: SsmlNode[] = [];
  const stack: { name: string; children: SsmlNode[] }[] = [];
  const children = () => stack.at(-1)?.children ?? root;
  let i = 0;
  let text = '';
  const flushText = () => {
    if (text) children().push({ kind: 'text', text: decodeEntities(text) });
    text = '';
  };
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      text += input.slice(i);
      break;
    }
    text += input.slice(i, lt);
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      if (end < 0) return { ok: false, message: 'unterminated comment' };
      i = end + 3;
      continue;
    }
    if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      if (end < 0) return { ok: false, message: 'unterminated CDATA section' };
      flushText();
      children().push({ kind: 'text', text: input.slice(lt + 9, end) });
      i = end + 3;
      continue;
    }
    if (input.startsWith('<?', lt) || input.startsWith('<!', lt)) {
      const end = input.indexOf('>', lt);
      if (end < 0) return { ok: false, message: 'unterminated declaration' };
      i = end + 1;
      continue;
    }
    flushText();
    const closing = input[lt + 1] === '/';
    let j = lt + (closing ? 2 : 1);
    const name = NAME.exec(input.slice(j))?.[0];
    if (!name) return { ok: false, message: `a "<" at ${lt} does not start a tag` };
    j += name.length;
    if (closing) {
      const end = input.indexOf('>', j);
      if (end < 0 || input.slice(j, end).trim() !== '') return { ok: false, message: `malformed </${name}>` };
      const open = stack.pop();
      if (open?.name !== name) {
        return {
          ok: false,
          message: open ? `</${name}> closes <${open.name}>` : `</${name}> closes nothing`,
        };
      }
      i = end + 1;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (;;) {
      const m = ATTR.exec(input.slice(j));
      if (!m) break;
      attrs[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? '');
      j += m[0].length;
    }
    const rest = /^\s*(\/?)>/.exec(input.slice(j));
    if (!rest) return { ok: false, message: `malformed <${name}> tag` };
    i = j + rest[0].length;
    const element: SsmlNode = { kind: 'element', name, attrs, children: [] };
    children().push(element);
    if (!rest[1]) stack.push({ name, children: element.children });
  }
  flushText();
  const open = stack.at(-1);
  if (open) return { ok: false, message: `<${open.name}> is never closed` };
  return { ok: true, nodes: root };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16)) ?? all;
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10)) ?? all;
    return ENTITIES[ref] ?? all;
  });
}

const safeCodePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined);

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);

/** espeak reads `[[…]]` in any text as raw phonemes; a prompt's words must stay words. */
const noPhonemeInput = (s: string) => s.replace(/\[\[/g, '[ [');

const BREAK_STRENGTHS = new Set(['none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong']);
const EMPHASIS_LEVELS = new Set(['strong', 'moderate', 'reduced', 'none']);
const PROSODY_WORDS: Record<string, Set<string>> = {
  rate: new Set(['x-slow', 'slow', 'medium', 'fast', 'x-fast', 'default']),
  pitch: new Set(['x-low', 'low', 'medium', 'high', 'x-high', 'default']),
  volume: new Set(['silent', 'x-soft', 'soft', 'medium', 'loud', 'x-loud', 'default']),
};
/** Polly's say-as types espeak-ng has an equivalent for; the rest are read as plain words. */
const SAY_AS: Record<string, string> = {
  characters: 'characters',
  'spell-out': 'characters',
  digits: 'tts:digits',
  telephone: 'tts:digits',
};
/** Polly limits a break to 10 seconds. */
const MAX_BREAK_MS = 10_000;

function breakTime(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/.exec(value);
  if (!m) return undefined;
  const ms = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  return `${Math.round(Math.min(ms, MAX_BREAK_MS))}ms`;
}

/** The document as espeak-ng's SSML, wrapped in one `<speak>`: every unsupported tag unwrapped or dropped. */
export function toEspeakSsml(nodes: readonly SsmlNode[]): string {
  return `<speak>${nodes.map(espeakNode).join('')}</speak>`;
}

function espeakNode(node: SsmlNode): string {
  if (node.kind === 'text') return escapeXml(noPhonemeInput(node.text));
  const inner = () => node.children.map(espeakNode).join('');
  const { attrs } = node;
  switch (node.name) {
    case 'speak':
    case 'lang':
    case 'w':
    case 'voice':
    case 'amazon:effect':
    case 'amazon:domain':
    case 'amazon:auto-breaths':
    case 'phoneme': // espeak's phoneme alphabet is not IPA/X-SAMPA: say the word as written
      return inner();
    case 'p':
    case 's':
      return `<${node.name}>${inner()}</${node.name}>`;
    case 'break': {
      const time = breakTime(attrs.time);
      if (time) return `<break time="${time}"/>`;
      const strength = attrs.strength;
      return strength && BREAK_STRENGTHS.has(strength) ? `<break strength="${strength}"/>` : '<break/>';
    }
    case 'prosody': {
      const kept = Object.entries(attrs)
        .filter(([k, v]) => PROSODY_WORDS[k]?.has(v) || (k !== 'volume' && /^[+-]?\d+(\.\d+)?%$/.test(v)))
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join('');
      return kept ? `<prosody${kept}>${inner()}</prosody>` : inner();
    }
    case 'emphasis': {
      const level = attrs.level && EMPHASIS_LEVELS.has(attrs.level) ? ` level="${attrs.level}"` : '';
      return `<emphasis${level}>${inner()}</emphasis>`;
    }
    case 'say-as': {
      const as = attrs['interpret-as'] ?? '';
      // Polly bleeps an expletive: it must not be heard, so it becomes a pause.
      if (as === 'expletive') return '<break time="500ms"/>';
      const mapped = SAY_AS[as];
      return mapped ? `<say-as interpret-as="${mapped}">${inner()}</say-as>` : inner();
    }
    case 'sub':
      return escapeXml(noPhonemeInput(attrs.alias ?? textOf(node.children)));
    default:
      // mark, amazon:breath, audio and any tag Connect does not define: nothing to say.
      if (node.name === 'mark' || node.name === 'amazon:breath' || node.name === 'audio') return '';
      return inner();
  }
}

function textOf(nodes: readonly SsmlNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : textOf(n.children))).join('');
}

/** The words a listener hears, spaces normalised: for transcripts and prompt matching. */
export function ssmlToText(nodes: readonly SsmlNode[]): string {
  const walk = (node: SsmlNode): string => {
    if (node.kind === 'text') return node.text;
    switch (node.name) {
      case 'sub':
        return node.attrs.alias ?? textOf(node.children);
      case 'break':
        return ' ';
      case 'mark':
      case 'amazon:breath':
      case 'audio':
        return '';
      case 'say-as':
        if (node.attrs['interpret-as'] === 'expletive') return ' ';
        return node.children.map(walk).join('');
      case 'p':
      case 's':
        return ` ${node.children.map(walk).join('')} `;
      default:
        return node.children.map(walk).join('');
    }
  };
  return nodes.map(walk).join('').replace(/\s+/g, ' ').trim();
}
