import type { Diagnostic } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { splitDiagnostics } from './diagnostics.js';

const d = (path: string | undefined): Diagnostic => ({
  code: 'PARAM_INVALID',
  severity: 'error',
  message: 'm',
  actionId: 'a',
  ...(path === undefined ? {} : { path }),
});

describe("a block's diagnostics", () => {
  it('go with the parameter their path names, the others with the block', () => {
    const { byParameter, others } = splitDiagnostics([
      d('/Actions/3/Parameters/InputTimeLimitSeconds'),
      d('/Actions/3/Parameters/DTMFConfiguration/InterdigitTimeLimitSeconds'),
      d('/Actions/3/Parameters/a~1b'),
      d('/Actions/3/Parameters'),
      d(undefined),
    ]);
    expect([...byParameter.keys()]).toEqual(['InputTimeLimitSeconds', 'DTMFConfiguration', 'a/b']);
    expect(others).toHaveLength(2);
  });
});
