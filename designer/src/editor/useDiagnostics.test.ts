import { describe, expect, it } from 'vitest';
import { addBlock } from '../system/index.js';
import { fixture } from '../system/test-flows.js';
import { validateModel } from './useDiagnostics.js';

describe('live validation', () => {
  it('finds no error in a fixture, and the problem an edit makes, on the block it concerns', () => {
    const model = fixture('inbound-main-ivr.json');
    expect(validateModel(model, 'CONTACT_FLOW').filter((d) => d.severity === 'error')).toEqual([]);
    const added = addBlock(model, 'MessageParticipant', { x: 0, y: 0 }, 'lonely');
    const about = validateModel(added, 'CONTACT_FLOW').filter((d) => d.actionId === 'lonely');
    expect(about.length).toBeGreaterThan(0);
  });

  it('checks blocks against the flow type it is given', () => {
    const model = fixture('inbound-main-ivr.json');
    const codes = validateModel(model, 'CUSTOMER_WHISPER').map((d) => d.code);
    expect(codes).toContain('ACTION_NOT_ALLOWED_IN_FLOW_TYPE');
  });
});
