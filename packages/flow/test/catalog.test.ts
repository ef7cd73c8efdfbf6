import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';

const groupsOf = (type: string) => {
  const b = CATALOG.get(type);
  return [...(b?.exactlyOneOf ?? []), ...(b?.atMostOneOf ?? []), ...(b?.atLeastOneOf ?? [])];
};

describe('the block catalog', () => {
  it('lists each parameter group of a block once', () => {
    for (const type of CATALOG.keys()) {
      const keys = groupsOf(type).map((g) => [...g].sort().join('|'));
      expect(new Set(keys).size, type).toBe(keys.length);
    }
  });

  it('names only parameters the block declares in its groups', () => {
    for (const [type, block] of CATALOG) {
      for (const name of groupsOf(type).flat())
        expect(Object.keys(block.parameters.properties), type).toContain(name);
    }
  });
});
