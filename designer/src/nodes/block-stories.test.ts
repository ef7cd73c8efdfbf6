import { CATALOG } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { allFlows } from '../system/test-flows.js';
import { blockSample } from './block-sample.js';
import { blockStoryEntries, blockTypeOfStory } from './block-stories.js';

const fixtures = () =>
  allFlows()
    .filter((f) => f.name.startsWith('fixtures/'))
    .map((f) => ({ name: f.name, model: f.model, flowType: undefined }));

describe('blockStoryEntries', () => {
  it('lists every catalog block once, with its own story id and a module export name', () => {
    const entries = blockStoryEntries();
    expect(entries.map((e) => e.type)).toEqual([...CATALOG.keys()]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.exportName)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.exportName).toMatch(/^block_[A-Za-z0-9_]+$/);
      // Storybook's id rules: lower case, `--` between the title's part and the story's.
      expect(e.id).toMatch(/^[a-z0-9-]+--[a-z0-9-]+$/);
      expect(blockTypeOfStory(e.id)).toBe(e.type);
    }
  });

  it('titles each story by its palette group, without a slash that would nest a level', () => {
    const compare = blockStoryEntries().find((e) => e.type === 'Compare');
    expect(compare?.title).toBe('Blocks/Branch/Compare');
    const disconnect = blockStoryEntries().find((e) => e.type === 'DisconnectParticipant');
    expect(disconnect?.title).toBe('Blocks/Terminate & Transfer/DisconnectParticipant');
  });
});

describe('blockSample', () => {
  it('takes the first action of the type in the fixtures, with its label and branches', () => {
    const sample = blockSample('GetParticipantInput', fixtures());
    expect(sample.flow).toBeDefined();
    expect(sample.node.data.blockType).toBe('GetParticipantInput');
    expect(sample.node.data.branches.length).toBeGreaterThan(1);
  });

  it('makes a new block in an empty flow for a type no fixture uses, with its problems', () => {
    const sample = blockSample('PlayPrompt', fixtures());
    expect(sample).toMatchObject({ flow: undefined, actionId: 'new-PlayPrompt' });
    expect(sample.node.data.diagnostics.length).toBeGreaterThan(0);
  });

  it('has a sample for every catalog block', () => {
    const flows = fixtures();
    for (const type of CATALOG.keys()) expect(blockSample(type, flows).node.data.blockType).toBe(type);
  });
});
