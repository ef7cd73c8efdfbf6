import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../src/model/equal.js';

describe('jsonEqual', () => {
  it('ignores key order, as JSON does', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
  });

  it('tells a changed leaf deep in a document', () => {
    const doc = () => ({ Actions: [{ Parameters: { Text: 'Hi', Loop: [true, null] } }] });
    const changed = doc();
    (changed.Actions[0]?.Parameters.Loop as unknown[])[1] = false;
    expect(jsonEqual(doc(), doc())).toBe(true);
    expect(jsonEqual(doc(), changed)).toBe(false);
  });

  it('tells an array from an object with the same keys', () => {
    expect(jsonEqual(['a'], { 0: 'a' })).toBe(false);
    expect(jsonEqual({ 0: 'a' }, ['a'])).toBe(false);
    expect(jsonEqual({ x: ['a'] }, { x: { 0: 'a' } })).toBe(false);
  });

  it('tells arrays of different lengths and objects with different keys', () => {
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('tells null from an empty object and a number from its string', () => {
    expect(jsonEqual({ a: null }, { a: {} })).toBe(false);
    expect(jsonEqual([1], ['1'])).toBe(false);
    expect(jsonEqual(null, null)).toBe(true);
  });

  it('compares documents whose keys shadow Object.prototype without calling them', () => {
    const a = JSON.parse('{"valueOf":0,"toString":{"x":1},"__proto__":[1]}') as unknown;
    const b = JSON.parse('{"__proto__":[1],"toString":{"x":1},"valueOf":0}') as unknown;
    expect(jsonEqual(a, b)).toBe(true);
    expect(jsonEqual(a, JSON.parse('{"valueOf":1,"toString":{"x":1},"__proto__":[1]}'))).toBe(false);
  });

  it('walks ten thousand levels of nesting without exhausting the stack', () => {
    const deep = (n: number) => {
      let v: unknown = 'leaf';
      for (let i = 0; i < n; i++) v = i % 2 ? { k: v } : [v];
      return v;
    };
    expect(jsonEqual(deep(10_000), deep(10_000))).toBe(true);
  });
});
