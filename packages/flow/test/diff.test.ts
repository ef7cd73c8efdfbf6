import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFlows, type FlowModel, formatDiff, isJsonObject, loadFlow } from '../src/index.js';
import { corpusFiles, hasCorpus, repoRoot } from './support/paths.js';

type Json = Record<string, unknown>;
type Action = { Identifier: string; Type: string; Parameters: Json; Transitions: Json };
type Doc = { StartAction: string; Metadata: Json; Settings?: Json; Actions: Action[] };

const flowsDir = join(repoRoot, 'fixtures/flows');
const flowFiles = readdirSync(flowsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const IVR = 'inbound-main-ivr.json';
const MODULE = 'module-authenticate-caller.json';

const readDoc = (file: string): Doc => JSON.parse(readFileSync(join(flowsDir, file), 'utf8'));

function modelOf(input: Parameters<typeof loadFlow>[0]): FlowModel {
  const { model } = loadFlow(input);
  if (!model) throw new Error('not a flow');
  return model;
}

/** The fixture before and after `edit`, as models. */
function edited(file: string, edit: (doc: Doc) => void): [FlowModel, FlowModel] {
  const doc = readDoc(file);
  edit(doc);
  return [modelOf({ json: readDoc(file) }), modelOf({ json: doc })];
}

function action(doc: Doc, id: string): Action {
  const a = doc.Actions.find((x) => x.Identifier === id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
}

/** Moves every block and the entry point, and touches the rest of what the console saves as layout. */
function moveEverything(doc: unknown): void {
  if (!isJsonObject(doc) || !isJsonObject(doc.Metadata)) return;
  const m = doc.Metadata;
  const shift = (p: unknown) => {
    if (isJsonObject(p))
      for (const k of ['x', 'y']) if (typeof p[k] === 'number') p[k] = (p[k] as number) + 37;
  };
  shift(m.entryPointPosition);
  shift(m.EntryPointPosition);
  if (isJsonObject(m.ActionMetadata))
    for (const meta of Object.values(m.ActionMetadata)) {
      if (!isJsonObject(meta)) continue;
      shift(meta.position);
      shift(meta.Position);
      meta.parameters = { Text: { displayName: 'a hint the console keeps' } };
    }
  m.snapToGrid = !m.snapToGrid;
  m.Annotations = [{ type: 'default', content: 'a sticky note', position: { x: 1, y: 2 } }];
  m.status = 'saved';
  m.hash = 'another-hash';
}

describe('diffFlows', () => {
  it.each(flowFiles)('finds %s identical to itself', (file) => {
    const diff = diffFlows(modelOf({ json: readDoc(file) }), modelOf({ json: readDoc(file) }));
    expect(diff.identical).toBe(true);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, rewired: 0, edges: 0, flow: 0 });
    expect(formatDiff(diff)).toBe('No structural changes\n');
  });

  it('finds a flow whose blocks were only moved identical', () => {
    for (const file of flowFiles) expect(diffFlows(...edited(file, moveEverything)).identical).toBe(true);
  });

  it('finds a flow with its Actions and error branches in another order identical', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        doc.Actions.reverse();
        for (const a of doc.Actions) if (Array.isArray(a.Transitions.Errors)) a.Transitions.Errors.reverse();
      }),
    );
    expect(diff.identical).toBe(true);
  });

  it('reports a changed prompt text with its path and both values', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        action(doc, 'Ask for PIN').Parameters.Text = 'Please enter your PIN.';
      }),
    );
    expect(diff.changed).toEqual([
      {
        id: 'Ask for PIN',
        type: 'GetParticipantInput',
        label: 'Ask for PIN',
        changes: [
          {
            path: '/Parameters/Text',
            change: 'changed',
            before: 'Please enter your four-digit PIN.',
            after: 'Please enter your PIN.',
          },
        ],
      },
    ]);
    expect(formatDiff(diff)).toContain(
      '~ block "Ask for PIN" (GetParticipantInput) Parameters/Text: "Please enter your four-digit PIN." → "Please enter your PIN."',
    );
  });

  it('reports nested parameter changes leaf by leaf and arrays element by element', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        const attributes = action(doc, 'Mark authenticated').Parameters.Attributes as Json;
        attributes.authMethod = 'pin';
        attributes.tier = 'gold';
        delete attributes.authenticated;
        action(doc, 'Verify PIN').Parameters.ResponseValidation = { ResponseType: ['JSON', 'STRING_MAP'] };
      }),
    );
    expect(diff.changed.map((c) => [c.id, c.changes])).toEqual([
      [
        'Verify PIN',
        [
          {
            path: '/Parameters/ResponseValidation/ResponseType',
            change: 'changed',
            before: 'JSON',
            after: ['JSON', 'STRING_MAP'],
          },
        ],
      ],
      [
        'Mark authenticated',
        [
          { path: '/Parameters/Attributes/authenticated', change: 'removed', before: 'true' },
          { path: '/Parameters/Attributes/authMethod', change: 'changed', before: 'pin+voice', after: 'pin' },
          { path: '/Parameters/Attributes/tier', change: 'added', after: 'gold' },
        ],
      ],
    ]);
    const withList = (list: string[]) =>
      edited(MODULE, (doc) => {
        action(doc, 'Voice ID settings').Parameters.List = list;
      });
    const [original, ab] = withList(['a', 'b']);
    const [, acd] = withList(['a', 'c', 'd']);
    expect(diffFlows(original, ab).changed[0]?.changes).toEqual([
      { path: '/Parameters/List', change: 'added', after: ['a', 'b'] },
    ]);
    expect(diffFlows(ab, acd).changed[0]?.changes).toEqual([
      { path: '/Parameters/List/1', change: 'changed', before: 'b', after: 'c' },
      { path: '/Parameters/List/2', change: 'added', after: 'd' },
    ]);
  });

  it('reads parameter names such as toString and __proto__ as plain keys', () => {
    const [before, after] = edited(MODULE, (doc) => {
      action(doc, 'Return').Parameters = JSON.parse('{"toString": "x", "__proto__": {"y": 1}}');
    });
    expect(diffFlows(before, after).changed[0]?.changes).toEqual([
      { path: '/Parameters/toString', change: 'added', after: 'x' },
      { path: '/Parameters/__proto__', change: 'added', after: { y: 1 } },
    ]);
  });

  it('reports a changed block type with the type it had', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        action(doc, 'Ask for PIN').Type = 'StoreUserInput';
      }),
    );
    expect(diff.changed).toEqual([
      {
        id: 'Ask for PIN',
        type: 'StoreUserInput',
        label: 'Ask for PIN',
        previousType: 'GetParticipantInput',
        changes: [],
      },
    ]);
    expect(formatDiff(diff)).toContain(
      '~ block "Ask for PIN" (StoreUserInput) Type: GetParticipantInput → StoreUserInput',
    );
  });

  it('reports a removed block, not the branches that still lead to it', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        doc.Actions = doc.Actions.filter((a) => a.Identifier !== 'Not authenticated');
      }),
    );
    expect(diff.removed).toEqual([
      { id: 'Not authenticated', type: 'UpdateContactAttributes', label: 'Not authenticated' },
    ]);
    expect(diff.rewired).toEqual([]);
    expect(formatDiff(diff)).toContain('- block "Not authenticated" (UpdateContactAttributes)\n');
  });

  it('reports an added block with its friendly name, or without a label when it has none', () => {
    const welcome = {
      Identifier: 'welcome',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Welcome' },
      Transitions: { NextAction: 'Start Voice ID' },
    };
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        doc.Actions.push(welcome, { ...welcome, Identifier: 'Say welcome' });
        (doc.Metadata.ActionMetadata as Json)['Say welcome'] = { isFriendlyName: true };
      }),
    );
    expect(diff.added).toEqual([
      { id: 'welcome', type: 'MessageParticipant' },
      { id: 'Say welcome', type: 'MessageParticipant', label: 'Say welcome' },
    ]);
    expect(formatDiff(diff)).toContain(
      '+ block welcome (MessageParticipant)\n+ block "Say welcome" (MessageParticipant)\n',
    );
  });

  it('reports a rewired error branch by its error type with both targets', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        const errors = action(doc, 'Ask for PIN').Transitions.Errors as Json[];
        (errors[1] as Json).NextAction = 'Return';
      }),
    );
    expect(diff.rewired).toEqual([
      {
        id: 'Ask for PIN',
        type: 'GetParticipantInput',
        label: 'Ask for PIN',
        edges: [
          {
            branch: { kind: 'error', errorType: 'NoMatchingError', label: 'error NoMatchingError' },
            change: 'retargeted',
            before: 'Not authenticated',
            after: 'Return',
          },
        ],
      },
    ]);
    expect(formatDiff(diff)).toContain(
      '↪ block "Ask for PIN" (GetParticipantInput) error NoMatchingError: "Not authenticated" → Return',
    );
  });

  it('reports a condition added first as one added branch, not every later one retargeted', () => {
    const diff = diffFlows(
      ...edited(IVR, (doc) => {
        const menu = action(doc, 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8');
        (menu.Transitions.Conditions as Json[]).unshift({
          NextAction: 'c3ad928e-a42e-5523-9a4a-4e59424c7139',
          Condition: { Operator: 'Equals', Operands: ['0'] },
        });
      }),
    );
    expect(diff.rewired).toEqual([
      {
        id: 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8',
        type: 'GetParticipantInput',
        edges: [
          {
            branch: { kind: 'condition', operator: 'Equals', operands: ['0'], label: 'condition Equals "0"' },
            change: 'added',
            after: 'c3ad928e-a42e-5523-9a4a-4e59424c7139',
          },
        ],
      },
    ]);
    expect(formatDiff(diff)).toContain(
      '↪ block c2c6c457-efa1-55e5-905c-0a29cec3d8b8 (GetParticipantInput) condition Equals "0": (none) → c3ad928e-a42e-5523-9a4a-4e59424c7139',
    );
  });

  it('reports conditions tested in another order, since the first match wins', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        (action(doc, 'Check fraud risk').Transitions.Conditions as Json[]).reverse();
      }),
    );
    expect(diff.identical).toBe(false);
    expect(diff.rewired[0]).toMatchObject({
      id: 'Check fraud risk',
      edges: [],
      conditionOrder: {
        before: [
          'condition Equals "HighRisk"',
          'condition Equals "LowRisk"',
          'condition Equals "Inconclusive"',
        ],
        after: [
          'condition Equals "Inconclusive"',
          'condition Equals "LowRisk"',
          'condition Equals "HighRisk"',
        ],
      },
    });
  });

  it('reports removed, unconnected and end-of-flow branches', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        const t = action(doc, 'PIN valid?').Transitions;
        t.NextAction = '';
        t.Conditions = [];
        t.Errors = [{ NextAction: '$end', ErrorType: 'NoMatchingCondition' }];
      }),
    );
    expect(diff.rewired[0]?.edges.map((e) => [e.branch.label, e.change, e.before, e.after])).toEqual([
      ['next', 'retargeted', 'Not authenticated', ''],
      ['condition Equals "true"', 'removed', 'Check voiceprint', undefined],
      ['error NoMatchingCondition', 'retargeted', 'Not authenticated', '$end'],
    ]);
    const text = formatDiff(diff);
    expect(text).toContain('next: "Not authenticated" → (unconnected)');
    expect(text).toContain('condition Equals "true": "Check voiceprint" → (none)');
    expect(text).toContain('error NoMatchingCondition: "Not authenticated" → (end of flow)');
  });

  it('reports a new start action and flow-level Metadata and Settings changes', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        doc.StartAction = 'Ask for PIN';
        doc.Metadata.name = 'Authenticate';
        delete doc.Metadata.description;
        ((doc.Settings as Json).InputParameters as unknown[]).push({ Name: 'accountNumber', Type: 'String' });
      }),
    );
    expect(diff.startAction).toEqual({ before: 'Start Voice ID', after: 'Ask for PIN' });
    expect(diff.flow).toEqual([
      { path: '/Metadata/name', change: 'changed', before: 'Authenticate caller', after: 'Authenticate' },
      {
        path: '/Metadata/description',
        change: 'removed',
        before: expect.stringMatching(/^Flow module: starts Voice ID/),
      },
      {
        path: '/Settings/InputParameters/0',
        change: 'added',
        after: { Name: 'accountNumber', Type: 'String' },
      },
    ]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, rewired: 0, edges: 0, flow: 4 });
    const text = formatDiff(diff);
    expect(text).toContain('start: "Start Voice ID" → "Ask for PIN"\n');
    expect(text).toContain('flow Metadata/name: "Authenticate caller" → "Authenticate"\n');
    expect(text).toContain(
      'flow Settings/InputParameters/0: (none) → {"Name":"accountNumber","Type":"String"}\n',
    );
  });

  it('counts every kind of change in the summary and the last line of the text', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        doc.Actions = doc.Actions.filter((a) => a.Identifier !== 'Start Voice ID');
        doc.StartAction = 'Voice ID settings';
        action(doc, 'Return').Parameters.Note = 'x';
        action(doc, 'Verify PIN').Transitions.NextAction = 'Return';
        action(doc, 'Ask for PIN').Transitions.NextAction = 'Return';
      }),
    );
    expect(diff.summary).toEqual({ added: 0, removed: 1, changed: 1, rewired: 2, edges: 2, flow: 1 });
    expect(formatDiff(diff).trimEnd().split('\n').at(-1)).toBe(
      'Blocks: 0 added, 1 removed, 1 changed, 2 rewired (2 branches); 1 flow-level change',
    );
  });

  it('cuts long values in the text but keeps them whole in the diff', () => {
    const long = 'word '.repeat(40);
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        action(doc, 'Ask for PIN').Parameters.Text = long;
      }),
    );
    expect(diff.changed[0]?.changes[0]?.after).toBe(long);
    expect(formatDiff(diff)).toMatch(/→ "word word [^\n]{60,}…\n/);
  });

  it('reports entries of Actions that are not actions by their content and index', () => {
    const diff = diffFlows(
      ...edited(MODULE, (doc) => {
        (doc.Actions as unknown[]).push({ Type: 'Transfer' }, 'junk');
      }),
    );
    expect(diff.flow).toEqual([
      { path: '/Actions/10', change: 'added', after: { Type: 'Transfer' } },
      { path: '/Actions/11', change: 'added', after: 'junk' },
    ]);
    expect(diff.added).toEqual([]);
  });

  it('compares a legacy file as the flow it converts to', () => {
    const bytes = readFileSync(join(repoRoot, 'fixtures/legacy/inbound-menu.json'));
    expect(diffFlows(modelOf(bytes), modelOf(bytes)).identical).toBe(true);
  });
});

describe.skipIf(!hasCorpus)('diffFlows over real Connect exports (../shared/corpus)', () => {
  it('finds every export identical to itself with its blocks moved', () => {
    let compared = 0;
    const different: string[] = [];
    for (const f of corpusFiles()) {
      const before = loadFlow(f.bytes).model;
      if (!before) continue;
      const moved = JSON.parse(JSON.stringify(loadFlow(f.bytes).document));
      moveEverything(moved);
      const after = loadFlow({ json: moved }).model;
      if (!after) continue;
      compared++;
      if (!diffFlows(before, after).identical) different.push(f.file);
    }
    expect(different).toEqual([]);
    expect(compared).toBeGreaterThan(200);
  });

  it('compares every export with the next one without failing, and finds them different', () => {
    const loaded = corpusFiles().flatMap((f) => {
      const model = loadFlow(f.bytes).model;
      return model ? [{ file: f.file, model }] : [];
    });
    const same: string[] = [];
    for (const [i, next] of loaded.entries()) {
      const previous = loaded[i - 1];
      if (!previous) continue;
      const diff = diffFlows(previous.model, next.model);
      expect(formatDiff(diff)).toMatch(/\n$/);
      if (diff.identical) same.push(`${previous.file} = ${next.file}`);
    }
    expect(same).toEqual([]);
    expect(loaded.length).toBeGreaterThan(200);
  });
});
