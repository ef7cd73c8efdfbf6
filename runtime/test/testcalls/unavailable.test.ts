import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { type Api, openApi } from '../server/support.js';
import { brokenDraft, sayDraft } from './drafts.js';

describe('test calls on a server without telephony', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi({ name: 'pglite', open: () => openStore() });
    await api.call('POST', '/api/instances', { alias: 'acme' });
  });
  afterAll(() => api?.close());

  it('answers TESTCALL_UNAVAILABLE for a draft it would otherwise call', async () => {
    const res = await api.call('POST', '/api/instances/acme/test-calls', {
      content: sayDraft('hello'),
      flowType: 'CONTACT_FLOW',
    });
    expect([res.status, res.json.code]).toEqual([503, 'TESTCALL_UNAVAILABLE']);
    const hangup = await api.call('DELETE', '/api/instances/acme/test-calls/some-id');
    expect([hangup.status, hangup.json.code]).toEqual([503, 'TESTCALL_UNAVAILABLE']);
  });

  it('still checks the draft first, so the designer shows its problems', async () => {
    const res = await api.call('POST', '/api/instances/acme/test-calls', {
      content: brokenDraft(),
      flowType: 'CONTACT_FLOW',
    });
    expect([res.status, res.json.code]).toEqual([422, 'TESTCALL_DRAFT_INVALID']);
  });
});
