import { FLOW_TYPES, validateDocument } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { emptyFlowDocument } from './empty.js';

describe('emptyFlowDocument', () => {
  it('gives a flow of every type whose only diagnostic is the unconnected entry point', () => {
    for (const type of FLOW_TYPES) {
      const { diagnostics, model } = validateDocument(emptyFlowDocument(type), { flowType: type });
      expect(model?.actions).toEqual([]);
      expect(diagnostics.map((d) => d.code)).toEqual(['START_ACTION_UNCONNECTED']);
    }
  });
});
