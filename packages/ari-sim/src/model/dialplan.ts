/**
 * The extensions.conf subset the tests need: contexts, `exten =>` / `same =>` lines with numbered,
 * `n` and labelled priorities, `include =>`, and Asterisk's pattern matching (`_X.`, `_NXXNXXXXXX`,
 * `_+X.`, `[1-5]`, `!`), most specific match first.
 */

export interface DialplanStep {
  priority: number;
  label: string | undefined;
  app: string;
  data: string;
}

interface Extension {
  pattern: string;
  steps: DialplanStep[];
}

interface Context {
  extensions: Extension[];
  includes: string[];
}

const WILD_SIZES: Record<string, number> = { N: 8, Z: 9, X: 10, '.': 1000, '!': 1001 };

function patternRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === 'X' || c === 'x') source += '[0-9]';
    else if (c === 'Z' || c === 'z') source += '[1-9]';
    else if (c === 'N' || c === 'n') source += '[2-9]';
    else if (c === '.') source += '.+';
    else if (c === '!') source += '.*';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      source += `[${pattern.slice(i + 1, end < 0 ? undefined : end).replace(/[\\^]/g, '\\$&')}]`;
      i = end < 0 ? pattern.length : end;
    } else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Per-position match-set sizes, so `_NXX` sorts before `_XXX` and both after literals. */
function specificity(pattern: string): number[] {
  if (!pattern.startsWith('_')) return [];
  const sizes: number[] = [];
  for (let i = 1; i < pattern.length; i++) {
    const c = (pattern[i] ?? '').toUpperCase();
    if (c === '[') {
      const end = pattern.indexOf(']', i);
      const body = pattern.slice(i + 1, end < 0 ? undefined : end);
      sizes.push(
        body.replace(/(.)-(.)/g, (_m, a: string, b: string) =>
          'x'.repeat(b.charCodeAt(0) - a.charCodeAt(0) + 1),
        ).length,
      );
      i = end < 0 ? pattern.length : end;
    } else sizes.push(WILD_SIZES[c] ?? 1);
  }
  return sizes;
}

function compareSpecificity(a: string, b: string): number {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const d = (sa[i] ?? 0) - (sb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function matches(pattern: string, exten: string): boolean {
  return pattern.startsWith('_') ? patternRegex(pattern).test(exten) : pattern === exten;
}

function splitAppCall(call: string): { app: string; data: string } {
  const open = call.indexOf('(');
  if (open < 0) return { app: call.trim(), data: '' };
  const close = call.lastIndexOf(')');
  return { app: call.slice(0, open).trim(), data: call.slice(open + 1, close < open ? undefined : close) };
}

export class Dialplan {
  readonly #contexts = new Map<string, Context>();

  static parse(text: string): Dialplan {
    const plan = new Dialplan();
    let context: Context | undefined;
    let last: { ext: Extension; priority: number } | undefined;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|[^\\]);.*$/, '$1').trim();
      if (!line) continue;
      const section = /^\[([^\]]+)\]/.exec(line);
      if (section) {
        const name = section[1] ?? '';
        context = name === 'general' || name === 'globals' ? undefined : plan.#context(name);
        last = undefined;
        continue;
      }
      const assign = /^(exten|same|include)\s*=>?\s*(.*)$/.exec(line);
      if (!context || !assign) continue;
      const [, kind, rest = ''] = assign;
      if (kind === 'include') {
        context.includes.push(rest.trim());
        continue;
      }
      const parts = rest.split(',');
      const pattern = kind === 'exten' ? (parts.shift() ?? '').trim() : undefined;
      const prioText = (parts.shift() ?? '').trim();
      const call = splitAppCall(parts.join(','));
      const labelled = /^([^(]+)(?:\(([^)]*)\))?$/.exec(prioText);
      const prio = labelled?.[1] ?? prioText;
      if (prio === 'hint') continue;
      let ext: Extension | undefined = last?.ext;
      if (pattern !== undefined) {
        ext = context.extensions.find((e) => e.pattern === pattern);
        if (!ext) {
          ext = { pattern, steps: [] };
          context.extensions.push(ext);
        }
      }
      if (!ext) continue;
      const priority = prio === 'n' ? (last?.ext === ext ? last.priority + 1 : 1) : Number(prio);
      ext.steps.push({ priority, label: labelled?.[2], ...call });
      last = { ext, priority };
    }
    return plan;
  }

  #context(name: string): Context {
    let ctx = this.#contexts.get(name);
    if (!ctx) {
      ctx = { extensions: [], includes: [] };
      this.#contexts.set(name, ctx);
    }
    return ctx;
  }

  hasContext(name: string): boolean {
    return this.#contexts.has(name);
  }

  #extension(context: string, exten: string, seen = new Set<string>()): Extension | undefined {
    const ctx = this.#contexts.get(context);
    if (!ctx || seen.has(context)) return undefined;
    seen.add(context);
    const literal = ctx.extensions.find((e) => !e.pattern.startsWith('_') && e.pattern === exten);
    if (literal) return literal;
    const patterns = ctx.extensions.filter((e) => e.pattern.startsWith('_') && matches(e.pattern, exten));
    const best = patterns.sort((a, b) => compareSpecificity(a.pattern, b.pattern))[0];
    if (best) return best;
    for (const included of ctx.includes) {
      const found = this.#extension(included, exten, seen);
      if (found) return found;
    }
    return undefined;
  }

  exists(context: string, exten: string, priority = 1): boolean {
    return this.step(context, exten, priority) !== undefined;
  }

  step(context: string, exten: string, priority: number): DialplanStep | undefined {
    return this.#extension(context, exten)?.steps.find((s) => s.priority === priority);
  }

  findLabel(context: string, exten: string, label: string): number | undefined {
    return this.#extension(context, exten)?.steps.find((s) => s.label === label)?.priority;
  }
}

/** `${NAME}`, `${NAME:offset}`, `${NAME:offset:length}` and `${FUNC(args)}`, innermost first. */
export function substitute(text: string, read: (name: string) => string | undefined): string {
  let out = text;
  for (let guard = 0; guard < 50; guard++) {
    const start = out.lastIndexOf('${');
    if (start < 0) break;
    let depth = 0;
    let end = -1;
    for (let i = start + 2; i < out.length; i++) {
      if (out[i] === '{') depth++;
      else if (out[i] === '}') {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end < 0) break;
    const expr = out.slice(start + 2, end);
    const slice = /^(.*?)(?::(-?\d+)(?::(-?\d+))?)?$/.exec(expr);
    const name = slice?.[1] ?? expr;
    let value = read(name) ?? '';
    if (slice?.[2] !== undefined) {
      const offset = Number(slice[2]);
      const from = offset < 0 ? Math.max(0, value.length + offset) : offset;
      const length = slice[3] === undefined ? undefined : Number(slice[3]);
      value =
        length === undefined
          ? value.slice(from)
          : length < 0
            ? value.slice(from, length)
            : value.substr(from, length);
    }
    out = out.slice(0, start) + value + out.slice(end + 1);
  }
  return out;
}
