import { type BlockSpec, CATALOG, getBlock } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { allFlows } from '../system/test-flows.js';
import {
  type Field,
  type FieldKind,
  fieldOf,
  fieldsOf,
  fieldsOfAction,
  humanize,
  walkFields,
} from './fields.js';

const block = (type: string): BlockSpec => {
  const b = getBlock(type);
  if (!b) throw new Error(`no block ${type}`);
  return b;
};
const field = (type: string, key: string): Field => {
  const f = fieldsOf(block(type)).find((x) => x.key === key);
  if (!f) throw new Error(`${type} has no field ${key}`);
  return f;
};
const KINDS: readonly FieldKind[] = [
  'text',
  'ssml',
  'number',
  'boolean',
  'enum',
  'resource',
  'attributes-map',
  'list',
  'object',
  'json',
];

describe('the inspector form of a block', () => {
  it('gives every parameter of every catalog block one field, in the catalog order, with a label', () => {
    const seen = new Set<FieldKind>();
    for (const b of CATALOG.values()) {
      const fields = fieldsOf(b);
      expect(fields.map((f) => f.key)).toEqual(Object.keys(b.parameters.properties));
      for (const f of walkFields(fields)) {
        expect(KINDS).toContain(f.kind);
        expect(f.label.trim()).not.toBe('');
        if (f.kind === 'number') expect(f.range).toHaveLength(2);
        if (f.kind === 'enum') expect(f.options?.length).toBeGreaterThan(0);
        if (f.kind === 'resource') expect(f.resource).toBeDefined();
        if (f.kind === 'object') expect(f.fields?.length).toBeGreaterThan(0);
        if (f.kind === 'list' || f.kind === 'attributes-map') expect(f.item).toBeDefined();
        seen.add(f.kind);
      }
      const required = new Set(b.parameters.required ?? []);
      for (const f of fields) expect(f.required).toBe(required.has(f.key));
    }
    // Not vacuous: the catalog uses every kind of field.
    expect([...seen].sort()).toEqual([...KINDS].sort());
  });

  it('gives every parameter of every action of the fixtures and real exports a field', () => {
    let actions = 0;
    for (const flow of allFlows())
      for (const a of flow.model.actions) {
        if ('raw' in a) continue;
        actions++;
        const keys = fieldsOfAction(getBlock(a.type), a.parameters).map((f) => f.key);
        for (const key of Object.keys(a.parameters ?? {})) expect(keys).toContain(key);
      }
    expect(actions).toBeGreaterThan(100);
  });

  it('reads a prompt: text, SSML, a prompt resource that may be a JSONPath, each excluding the others', () => {
    expect(field('MessageParticipant', 'Text')).toMatchObject({ kind: 'text', dynamic: 'text' });
    expect(field('MessageParticipant', 'SSML')).toMatchObject({ kind: 'ssml', label: 'SSML' });
    expect(field('MessageParticipant', 'PromptId')).toMatchObject({
      kind: 'resource',
      resource: 'prompt',
      dynamic: 'path',
      label: 'Prompt ID',
      exclusive: ['Text', 'SSML', 'Media'],
    });
    const media = field('MessageParticipant', 'Media');
    expect(media.kind).toBe('object');
    expect(media.fields?.map((f) => [f.key, f.kind, f.path.join('.')])).toEqual([
      ['Uri', 'text', 'Media.Uri'],
      ['SourceType', 'enum', 'Media.SourceType'],
      ['MediaType', 'enum', 'Media.MediaType'],
    ]);
  });

  it("reads numbers with their range, booleans, and nested objects of a menu's options", () => {
    expect(field('GetParticipantInput', 'InputTimeLimitSeconds')).toMatchObject({
      kind: 'number',
      range: [1, 86_400],
      dynamic: 'static',
      help: 'Seconds to wait for the first digit.',
    });
    expect(field('GetParticipantInput', 'StoreInput').kind).toBe('boolean');
    const dtmf = field('GetParticipantInput', 'DTMFConfiguration');
    expect(dtmf.fields?.map((f) => f.kind)).toEqual(['text', 'boolean', 'number']);
    expect(dtmf.fields?.[0]?.pattern).toBe('^[0-9*#]{0,5}$');
    const max = [...walkFields([field('GetParticipantInput', 'InputValidation')])].find(
      (f) => f.key === 'MaximumLength',
    );
    expect(max).toMatchObject({
      kind: 'number',
      dynamic: 'path',
      path: ['InputValidation', 'CustomValidation', 'MaximumLength'],
    });
    // Routing steps are a list or a JSONPath: a union, edited as JSON inside their object.
    expect(field('UpdateRoutingCriteria', 'RoutingCriteria').fields?.map((f) => f.kind)).toEqual(['json']);
  });

  it('reads attribute maps, closed-key maps of resources, enums, lists and a JSONPath-only value', () => {
    expect(field('UpdateContactAttributes', 'Attributes')).toMatchObject({
      kind: 'attributes-map',
      required: true,
      item: { kind: 'text', dynamic: 'text' },
    });
    expect(field('UpdateContactAttributes', 'TargetContact')).toMatchObject({
      kind: 'enum',
      options: ['Current', 'Related'],
    });
    const hooks = field('UpdateContactEventHooks', 'EventHooks');
    expect(hooks).toMatchObject({
      kind: 'attributes-map',
      max: 1,
      item: { kind: 'resource', resource: 'flow' },
    });
    expect(hooks.keys).toContain('CustomerQueue');
    expect(field('UpdateFlowAttributes', 'FlowAttributes').item).toMatchObject({
      kind: 'object',
      fields: [{ key: 'Value', kind: 'text', path: ['Value'], required: true }],
    });
    expect(field('Wait', 'Events')).toMatchObject({ kind: 'list', item: { kind: 'enum' } });
    expect(field('Compare', 'ComparisonValue')).toMatchObject({
      kind: 'text',
      dynamic: 'pathOnly',
      required: true,
    });
    expect(field('GetMetricData', 'QueueChannel')).toMatchObject({ kind: 'enum', dynamic: 'text' });
    expect(field('InvokeFlowModule', 'FlowModuleId')).toMatchObject({ kind: 'resource', resource: 'module' });
  });

  it('falls back to JSON for unions and values of any shape, and for parameters the catalog does not know', () => {
    expect(field('UpdateContactData', 'References').kind).toBe('json');
    expect(field('ShowView', 'ViewData').kind).toBe('json');
    const fields = fieldsOfAction(block('MessageParticipant'), { Text: 'Hi', Mystery: { a: 1 } });
    expect(fields.at(-1)).toMatchObject({ key: 'Mystery', kind: 'json', unknown: true });
    expect(fieldsOfAction(undefined, { A: 1 })).toMatchObject([{ key: 'A', kind: 'json' }]);
    expect(fieldsOfAction(undefined, undefined)).toEqual([]);
  });

  it('never throws on a schema it cannot read', () => {
    for (const s of [
      undefined,
      null,
      3,
      'x',
      [],
      {},
      { type: 'object' },
      { type: ['string', 'null'] },
      { enum: [1] },
    ])
      expect(fieldOf(s, { key: 'K', path: ['K'], required: false }).kind).toBe('json');
  });

  it('humanizes parameter names', () => {
    expect(humanize('InputTimeLimitSeconds')).toBe('Input time limit seconds');
    expect(humanize('LambdaFunctionARN')).toBe('Lambda function ARN');
    expect(humanize('DTMFConfiguration')).toBe('DTMF configuration');
    expect(humanize('HoursOfOperationId')).toBe('Hours of operation ID');
  });
});
