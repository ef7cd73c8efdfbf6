import { describe, expect, it } from 'vitest';
import { findReferences, isKnownPath, parsePath } from '../src/jsonpath/index.js';

const segments = (p: string) => {
  const r = parsePath(p);
  return r.ok ? r.segments : r.reason;
};

describe("Connect's JSONPath subset", () => {
  it("parses dotted, bracketed and the console's .['…'] segments alike", () => {
    expect(segments('$.Attributes.greeting')).toEqual(['Attributes', 'greeting']);
    expect(segments("$.Attributes['user name']")).toEqual(['Attributes', 'user name']);
    expect(segments("$.Attributes.['user name']")).toEqual(['Attributes', 'user name']);
    expect(segments('$["AwsRegion"]')).toEqual(['AwsRegion']);
    expect(segments('$.External.items[0].id')).toEqual(['External', 'items', '0', 'id']);
    expect(segments('$.Media.Sip.Headers.P-Asserted-Identity')).toEqual([
      'Media',
      'Sip',
      'Headers',
      'P-Asserted-Identity',
    ]);
  });

  it('rejects filters, scripts, wildcards and recursive descent', () => {
    expect(segments('$..password')).toMatch(/recursive descent/);
    expect(segments('$.Attributes[*]')).toMatch(/not supported|unexpected/);
    expect(segments('$.Attributes.*')).toMatch(/wildcards/);
    expect(segments('$.Attributes[?(@.x)]')).toMatch(/not supported|unexpected/);
    expect(segments('$.a[(process.exit())]')).toMatch(/not supported|unexpected/);
    expect(segments("$.Attributes['unterminated")).toMatch(/unterminated/);
    expect(segments('$')).toMatch(/names no field/);
    expect(segments('$.')).toMatch(/ends after/);
    expect(segments(`$${'.a'.repeat(40)}`)).toMatch(/segments/);
    expect(segments(`$.${'a'.repeat(2000)}`)).toMatch(/longer than/);
  });

  it('knows which paths address the flow data', () => {
    expect(isKnownPath(['Attributes', 'x'])).toBe(true);
    expect(isKnownPath(['Attributes', 'x', 'y'])).toBe(false);
    expect(isKnownPath(['External', 'customer', 'name', 'first'])).toBe(true);
    expect(isKnownPath(['Queue', 'OutboundCallerId', 'Address'])).toBe(true);
    expect(isKnownPath(['Queue', 'Nope'])).toBe(false);
    expect(isKnownPath(['BadValue'])).toBe(false);
    expect(isKnownPath(['constructor'])).toBe(false);
    expect(isKnownPath(['Attributes', '__proto__'])).toBe(true);
  });

  it('finds references in text and stops at sentence punctuation', () => {
    expect(
      findReferences('Hello $.External.FirstName $.External.LastName, thanks.').map((r) => r.path),
    ).toEqual(['$.External.FirstName', '$.External.LastName']);
    expect(findReferences('Your balance is $.Attributes.balance.').map((r) => r.path)).toEqual([
      '$.Attributes.balance',
    ]);
    expect(findReferences("<speak>$.Attributes['first name']</speak>").map((r) => r.path)).toEqual([
      "$.Attributes['first name']",
    ]);
    expect(findReferences('That costs $5.00 today')).toEqual([]);
  });
});
