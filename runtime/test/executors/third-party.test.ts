import { describe, expect, it } from 'vitest';
import { contact, runBlock, world } from './support.js';

const transfer = (more: Record<string, unknown> = {}) => ({
  Type: 'TransferParticipantToThirdParty',
  Parameters: {
    ThirdPartyPhoneNumber: '+18005550199',
    ThirdPartyConnectionTimeLimitSeconds: '30',
    ContinueFlowExecution: 'True',
    ...more,
  },
});

describe('TransferParticipantToThirdParty', () => {
  it('dials the number and resumes the flow when the third party hangs up', async () => {
    const w = world();
    w.call.willTransfer('answered', 60_000);
    const step = await runBlock(w, transfer({ ThirdPartyDTMFDigits: '1,,234#' }));
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.log?.results).toBe('+18005550199 answered; the third party hung up');
    expect(w.call.transfers).toEqual([
      { number: '+18005550199', options: { timeoutSeconds: 30, callerId: '+15550001111', dtmf: '1,,234#' } },
    ]);
    expect(w.transcript).toEqual([
      { kind: 'transfer', identifier: 'block', to: '+18005550199', target: 'number' },
    ]);
    expect(w.call.ended).toBeUndefined();
  });

  it('shows the caller ID the block names, number and name, and reads a dynamic number', async () => {
    const w = world();
    w.call.willTransfer('answered');
    const c = contact({ Attributes: { desk: '+1 (212) 555-0123', brand: 'Acme' } });
    await runBlock(
      w,
      transfer({
        ThirdPartyPhoneNumber: '$.Attributes.desk',
        CallerId: { Number: '$.SystemEndpoint.Address', Name: '$.Attributes.brand support' },
      }),
      { contact: c },
    );
    expect(w.call.transfers[0]).toEqual({
      number: '+12125550123',
      options: { timeoutSeconds: 30, callerId: '"Acme support" <+18005550100>' },
    });
  });

  it('takes CallFailed for a busy or unreachable number and ConnectionTimeLimitExceeded when nobody answers', async () => {
    const w = world();
    w.call.willTransfer('busy').willTransfer('failed').willTransfer('noAnswer', 30_000);
    const busy = await runBlock(w, transfer());
    expect(busy.outcome).toEqual({ kind: 'error', errorType: 'CallFailed' });
    expect(busy.log?.results).toBe('+18005550199 was busy');
    const failed = await runBlock(w, transfer());
    expect(failed.outcome).toEqual({ kind: 'error', errorType: 'CallFailed' });
    expect(failed.log?.results).toBe('+18005550199 could not be dialled');
    const unanswered = await runBlock(w, transfer());
    expect(unanswered.outcome).toEqual({ kind: 'error', errorType: 'ConnectionTimeLimitExceeded' });
    expect(unanswered.log?.results).toBe('+18005550199 did not answer within 30 s');
  });

  it('without ContinueFlowExecution, ends the call with the conversation and routes failures to NoMatchingError', async () => {
    const w = world();
    w.call.willTransfer('answered').willTransfer('busy');
    const answered = await runBlock(w, transfer({ ContinueFlowExecution: 'False' }));
    expect(answered.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(w.call.hangups).toEqual(['normal']);
    const other = world();
    other.call.willTransfer('busy');
    const busy = await runBlock(other, transfer({ ContinueFlowExecution: 'False' }));
    expect(busy.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
  });

  it('ends the contact when the caller hangs up during the transfer', async () => {
    const w = world();
    w.call.willTransfer('answered', 120_000);
    const running = runBlock(w, transfer());
    await w.clock.advance(10_000);
    w.call.callerHangsUp();
    expect((await running).outcome).toEqual({ kind: 'end', reason: 'disconnect' });
  });

  it('uses 30 s when the time limit is 0 or missing', async () => {
    const w = world();
    w.call.willTransfer('answered').willTransfer('answered');
    await runBlock(w, transfer({ ThirdPartyConnectionTimeLimitSeconds: '0' }));
    await runBlock(w, {
      Type: 'TransferParticipantToThirdParty',
      Parameters: { ThirdPartyPhoneNumber: '+18005550199' },
    });
    expect(w.call.transfers.map((t) => t.options.timeoutSeconds)).toEqual([30, 30]);
  });

  it('takes the error branch for a number, keys or time limit it cannot use, or a call that cannot dial out', async () => {
    const w = world();
    for (const more of [
      { ThirdPartyPhoneNumber: '5550199' },
      { ThirdPartyPhoneNumber: '$.Attributes.none' },
      { ThirdPartyDTMFDigits: '12A' },
      { ThirdPartyConnectionTimeLimitSeconds: '601' },
    ]) {
      const step = await runBlock(w, transfer(more));
      expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    }
    w.call.transferToNumber = undefined;
    const cannot = await runBlock(w, transfer());
    expect(cannot.log?.results).toBe(
      'ENGINE_NO_EXECUTOR: this call cannot dial out: its telephony has no transfer to a number',
    );
    expect(w.call.transfers).toEqual([]);
  });
});
