import { type FlowModel, serialize, toDocument, toModel } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { addNote, NOTE_SIZE, notesOf, removeNotes, updateNote, updateNotes } from './annotations.js';
import { createHistory } from './history.js';
import { allFlows, deepFreeze, fixture, hasCorpus } from './test-flows.js';

const annotationsOf = (model: FlowModel): unknown =>
  (toDocument(model).Metadata as { Annotations?: unknown } | undefined)?.Annotations;

/** A flow whose first note carries a key Parley does not know. */
function withOddNote(): FlowModel {
  const doc = toDocument(fixture('inbound-main-ivr.json'));
  const Metadata = {
    ...(doc.Metadata as object),
    Annotations: [
      {
        type: 'default',
        id: 'n1',
        content: 'Ask legal about the wording',
        actionId: '',
        isFolded: false,
        position: { x: 474.66666666666663, y: 10 },
        size: { height: 295, width: 300 },
        colour: 'yellow',
      },
      'not an annotation',
      { content: 'no id' },
    ],
  };
  const model = toModel({ ...doc, Metadata });
  if (!model) throw new Error('the fixture should load');
  return deepFreeze(model);
}

describe('annotations', () => {
  it('reads the notes of every real export that has some, as Connect wrote them', () => {
    const withNotes = allFlows().filter((f) => notesOf(f.model).length > 0);
    if (hasCorpus) expect(withNotes.length).toBeGreaterThan(0);
    for (const { name, model } of withNotes) {
      for (const note of notesOf(model)) {
        expect(note.id, name).not.toBe('');
        expect(note.size.width, name).toBeGreaterThan(0);
        expect(Number.isFinite(note.position.x), name).toBe(true);
      }
    }
  });

  it('leave a flow with notes byte for byte as read when each note is set to what it is', () => {
    const withNotes = allFlows().filter((f) => notesOf(f.model).length > 0);
    for (const { name, model, text } of withNotes) {
      expect(annotationsOf(model), name).toEqual(JSON.parse(text).Metadata.Annotations);
      const same = Object.fromEntries(notesOf(model).map((n) => [n.id, { ...n }]));
      const m = updateNotes(model, same);
      expect(m, name).toBe(model);
      const history = createHistory(model);
      history.push(updateNote(model, notesOf(model)[0]?.id ?? '', { content: 'changed' }));
      history.undo();
      expect(serialize(history.present), name).toBe(serialize(model));
    }
  });

  it('add a note as Connect stores one, creating Annotations when the flow has none', () => {
    const model = deepFreeze(fixture('inbound-main-ivr.json'));
    const added = addNote(model, { x: 10.04, y: 20.16 }, { id: 'n9', content: 'Hello' });
    expect(annotationsOf(added)).toEqual([
      {
        type: 'default',
        id: 'n9',
        content: 'Hello',
        actionId: '',
        isFolded: false,
        position: { x: 10, y: 20.2 },
        size: { height: NOTE_SIZE.height, width: NOTE_SIZE.width },
      },
    ]);
    expect(addNote(added, { x: 0, y: 0 }, { id: 'n9' })).toBe(added);
  });

  it('change a note in place, keeping keys they do not know and the order of every key', () => {
    const model = withOddNote();
    const edited = updateNote(model, 'n1', {
      content: 'Done',
      isFolded: true,
      size: { width: 320, height: 200 },
    });
    const [first, ...others] = annotationsOf(edited) as Record<string, unknown>[];
    expect(Object.keys(first ?? {})).toEqual([
      'type',
      'id',
      'content',
      'actionId',
      'isFolded',
      'position',
      'size',
      'colour',
    ]);
    expect(first).toMatchObject({ content: 'Done', isFolded: true, colour: 'yellow' });
    expect(first?.size).toEqual({ height: 200, width: 320 });
    // Unmoved: Connect's float noise stays.
    expect(first?.position).toEqual({ x: 474.66666666666663, y: 10 });
    expect(others).toEqual(['not an annotation', { content: 'no id' }]);
  });

  it('move and resize notes with positions to one decimal, and leave the model alone when nothing changes', () => {
    const model = withOddNote();
    const moved = updateNote(model, 'n1', { position: { x: 1.04, y: 2.26 } });
    expect((annotationsOf(moved) as { position: unknown }[])[0]?.position).toEqual({ x: 1, y: 2.3 });
    expect(updateNote(model, 'n1', { content: 'Ask legal about the wording' })).toBe(model);
    expect(updateNote(model, 'nobody', { content: 'x' })).toBe(model);
  });

  it('remove notes by id and keep the entries they cannot read', () => {
    const model = withOddNote();
    const removed = removeNotes(model, ['n1']);
    expect(annotationsOf(removed)).toEqual(['not an annotation', { content: 'no id' }]);
    expect(notesOf(removed)).toEqual([]);
    expect(removeNotes(model, ['nobody'])).toBe(model);
  });

  it('show only the entries with an id, with defaults for what an entry lacks', () => {
    const model = withOddNote();
    expect(notesOf(model).map((n) => n.id)).toEqual(['n1']);
    const bare = toModel({ ...toDocument(model), Metadata: { Annotations: [{ id: 'b' }] } });
    if (!bare) throw new Error('should load');
    expect(notesOf(bare)).toEqual([
      { id: 'b', content: '', actionId: '', isFolded: false, position: { x: 0, y: 0 }, size: NOTE_SIZE },
    ]);
  });

  it('never touch Annotations or Metadata of another shape, which they would lose', () => {
    const odd = toModel({ ...toDocument(fixture('agent-hold.json')), Metadata: { Annotations: 'x' } });
    if (!odd) throw new Error('should load');
    expect(addNote(odd, { x: 0, y: 0 })).toBe(odd);
    const noMetadata = toModel({ ...toDocument(fixture('agent-hold.json')), Metadata: 3 });
    if (!noMetadata) throw new Error('should load');
    expect(addNote(noMetadata, { x: 0, y: 0 })).toBe(noMetadata);
  });
});
