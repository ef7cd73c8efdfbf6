import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/input/limits.js';
import { readJson } from '../src/input/read.js';

const codeOf = (input: Uint8Array | string) => {
  const r = readJson(input);
  return r.ok ? 'ok' : r.diagnostics.map((d) => d.code).join(',');
};

describe('reading flow input', () => {
  it('parses JSON text and bytes, with or without a byte-order mark', () => {
    expect(readJson('{"a":1}')).toMatchObject({ ok: true, value: { a: 1 }, length: 7 });
    expect(readJson(new TextEncoder().encode('\uFEFF{"a":1}'))).toMatchObject({ ok: true, value: { a: 1 } });
    expect(readJson('\uFEFF{"a":1}')).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it('reports malformed JSON with the line and column where it broke', () => {
    const r = readJson('{\n  "Version": "2019-10-30",\n  "Actions": [,]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]?.code).toBe('JSON_SYNTAX');
      expect(r.diagnostics[0]?.message).toMatch(/line 3, column \d+/);
    }
  });

  it('refuses empty input, bad UTF-8, deep nesting and huge strings with their own codes', () => {
    expect(codeOf('   \n')).toBe('INPUT_EMPTY');
    expect(codeOf(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]))).toBe('INPUT_NOT_UTF8');
    expect(codeOf('['.repeat(LIMITS.maxDepth + 1) + ']'.repeat(LIMITS.maxDepth + 1))).toBe('JSON_TOO_DEEP');
    expect(codeOf(`{"Text":"${'a'.repeat(LIMITS.maxStringLength + 1)}"}`)).toBe('JSON_STRING_TOO_LONG');
  });

  it('names the byte offset of invalid UTF-8', () => {
    const r = readJson(new Uint8Array([0x7b, 0x7d, 0x20, 0xff]));
    expect(!r.ok && r.diagnostics[0]?.message).toContain('offset 3');
  });

  it('refuses input over 2 MB before decoding it', () => {
    expect(codeOf(new Uint8Array(LIMITS.maxBytes + 1))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(' '.repeat(LIMITS.maxBytes + 1))).toBe('INPUT_TOO_LARGE');
  });

  it('accepts nesting up to the limit and braces inside strings', () => {
    const deep = '['.repeat(LIMITS.maxDepth) + ']'.repeat(LIMITS.maxDepth);
    expect(codeOf(deep)).toBe('ok');
    expect(codeOf(`{"t":"${'[{'.repeat(500)}\\""}`)).toBe('ok');
  });

  it('keeps prototype keys as plain data', () => {
    const r = readJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
