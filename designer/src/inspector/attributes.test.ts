import { FLOW_DATA } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { fixture } from '../system/test-flows.js';
import { flowNames, pathProblem, pathSuggestions, segment } from './attributes.js';

describe('attribute picker suggestions', () => {
  it('finds the attributes a flow sets with Set contact attributes', () => {
    const names = flowNames(fixture('inbound-main-ivr.json'));
    expect(names.attributes).toEqual(['accountTier', 'customerName', 'dialedNumber', 'ivrEntry']);
  });

  it('suggests every leaf of the flow data, the attributes set in the flow, and open namespaces as prefixes', () => {
    const paths = pathSuggestions({ attributes: ['tier', 'first name'], flowAttributes: ['step'] });
    expect(paths).toContain('$.ContactId');
    expect(paths).toContain('$.CustomerEndpoint.Address');
    expect(paths).toContain('$.Queue.OutboundCallerId.Address');
    expect(paths).toContain('$.Attributes.tier');
    expect(paths).toContain("$.Attributes['first name']");
    expect(paths).toContain('$.External.');
    expect(paths).toContain('$.FlowAttributes.step');
    expect(paths).toContain('$.Attributes.');
    expect(paths).toContain('$.References.');
    expect(paths).not.toContain('$.Attributes');
    // Every complete suggestion is a path the validator accepts.
    for (const p of paths.filter((x) => !x.endsWith('.'))) expect(pathProblem(p)).toBeUndefined();
    expect(new Set(paths).size).toBe(paths.length);
    expect(Object.keys(FLOW_DATA).every((k) => paths.some((p) => p.startsWith(`$.${k}`)))).toBe(true);
  });

  it('says why a value is not a JSONPath of the flow data', () => {
    expect(pathProblem('$.Attributes.x')).toBeUndefined();
    expect(pathProblem('')).toBeUndefined();
    expect(pathProblem('Attributes.x')).toBe('Not a JSONPath: must start with $');
    expect(pathProblem('$.Nope')).toBe('$.Nope is not part of the flow data');
  });

  it('quotes segments that are not plain names', () => {
    expect(segment('a_b-1')).toBe('.a_b-1');
    expect(segment("it's")).toBe("['it\\'s']");
  });
});
