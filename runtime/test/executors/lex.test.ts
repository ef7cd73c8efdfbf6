import { describe, expect, it } from 'vitest';
import type { BotResource, LexRequest } from '../../src/integrations/bot.js';
import { contact, runBlock, world } from './support.js';

const ALIAS = 'arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID';

const BANK: BotResource = {
  name: 'BankBot',
  arn: ALIAS,
  intents: [
    { name: 'CheckBalance', utterances: ['check my balance'], dtmf: '1' },
    {
      name: 'PayBill',
      utterances: ['pay my {BillType} bill'],
      dtmf: '2',
      slots: [{ name: 'BillType', values: ['phone', 'electricity'] }],
    },
  ],
};

const lexBlock = (parameters: Record<string, unknown> = {}) => ({
  Type: 'ConnectParticipantWithLexBot',
  Identifier: 'Ask',
  Parameters: { Text: 'How can I help?', LexV2Bot: { AliasArn: ALIAS }, ...parameters },
});

describe('ConnectParticipantWithLexBot', () => {
  it('plays the prompt, hears the words, and routes on the intent with $.Lex filled', async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'speech', text: 'Pay my phone bill, please' });
    const step = await runBlock(w, lexBlock({ LexSessionAttributes: { Channel: 'phone' } }));
    expect(step.outcome).toEqual({ kind: 'condition', value: 'PayBill' });
    expect(step.log?.results).toBe('PayBill');
    expect(step.contactPatch?.Lex).toEqual({
      IntentName: 'PayBill',
      Slots: { BillType: 'phone' },
      SessionAttributes: { Channel: 'phone' },
      IntentConfidence: { Score: 0.89 },
      DialogState: 'Fulfilled',
    });
    expect(w.call.listens).toEqual([
      {
        prompt: ['sound:/tts/Joanna/How-can-I-help-'],
        startTimeoutMs: 3000,
        endTimeoutMs: 600,
        dtmfEndTimeoutMs: 5000,
        dtmfTerminator: '#',
        signal: expect.any(AbortSignal),
      },
    ]);
    expect(w.transcript).toEqual([
      {
        kind: 'prompt',
        identifier: 'Ask',
        text: 'How can I help?',
        media: ['sound:/tts/Joanna/How-can-I-help-'],
      },
      {
        kind: 'intent',
        identifier: 'Ask',
        via: 'speech',
        heard: 'Pay my phone bill, please',
        intent: 'PayBill',
        slots: { BillType: 'phone' },
      },
    ]);
  });

  it('takes keys for an intent with that dtmf', async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'dtmf', digits: '1' });
    const step = await runBlock(w, lexBlock());
    expect(step.outcome).toEqual({ kind: 'condition', value: 'CheckBalance' });
    expect(step.contactPatch?.Lex).toMatchObject({
      IntentName: 'CheckBalance',
      IntentConfidence: { Score: 1 },
    });
    expect(w.transcript.at(-1)).toMatchObject({ kind: 'intent', via: 'dtmf', heard: '1' });
  });

  it('reports FallbackIntent as the result when nothing matches, with no confidence score', async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'speech', text: 'what are your opening hours' });
    const step = await runBlock(w, lexBlock());
    expect(step.outcome).toEqual({ kind: 'condition', value: 'FallbackIntent' });
    expect(step.log?.results).toBe('FallbackIntent');
    expect(step.contactPatch?.Lex).toEqual({
      IntentName: 'FallbackIntent',
      Slots: {},
      SessionAttributes: {},
      DialogState: 'ElicitIntent',
    });
  });

  it('takes InputTimeLimitExceeded when the caller says nothing, leaving $.Lex alone', async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'timeout' }, 4000);
    const step = await runBlock(w, lexBlock());
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'InputTimeLimitExceeded' });
    expect(step.log?.results).toBe('no speech or keys within 3 s');
    expect(step.contactPatch).toBeUndefined();
    expect(w.transcript.at(-1)).toEqual({ kind: 'timeout', identifier: 'Ask' });
  });

  it("reads the turn's timeouts from Lex V2 session attributes, bot-wide or for any intent and slot", async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'dtmf', digits: '2' });
    await runBlock(
      w,
      lexBlock({
        LexSessionAttributes: {
          'x-amz-lex:audio:start-timeout-ms': '8000',
          'x-amz-lex:audio:end-timeout-ms:*:*': '1200',
          'x-amz-lex:dtmf:end-timeout-ms:*': '2000',
          'x-amz-lex:dtmf:end-character': '*',
        },
      }),
    );
    expect(w.call.listens[0]).toMatchObject({
      startTimeoutMs: 8000,
      endTimeoutMs: 1200,
      dtmfEndTimeoutMs: 2000,
      dtmfTerminator: '*',
    });
  });

  it('refuses a maximum utterance length above 15 s and timeouts that are not milliseconds', async () => {
    const w = world({ bots: [BANK] });
    const long = await runBlock(
      w,
      lexBlock({ LexSessionAttributes: { 'x-amz-lex:audio:max-length-ms': '20000' } }),
    );
    expect(long.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(long.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: x-amz-lex:audio:max-length-ms is 20000; Connect allows at most 15000',
    );
    const odd = await runBlock(
      w,
      lexBlock({ LexSessionAttributes: { 'x-amz-lex:audio:start-timeout-ms': 'soon' } }),
    );
    expect(odd.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: x-amz-lex:audio:start-timeout-ms must be a whole number of milliseconds, not "soon"',
    );
    expect(w.call.listens).toEqual([]);
  });

  it('finds a Lex classic bot by name and reads its silence thresholds', async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'speech', text: 'check my balance' });
    const step = await runBlock(w, {
      Type: 'ConnectParticipantWithLexBot',
      Parameters: {
        Text: 'Hello',
        LexBot: { Name: 'BankBot', Region: 'us-east-1', Alias: '$LATEST' },
        LexSessionAttributes: { 'x-amz-lex:start-silence-threshold-ms': '4000' },
      },
    });
    expect(step.outcome).toEqual({ kind: 'condition', value: 'CheckBalance' });
    expect(w.call.listens[0]).toMatchObject({ startTimeoutMs: 4000, endTimeoutMs: 600 });
  });

  it('resolves dynamic session attributes against the contact', async () => {
    const w = world({ bots: [BANK] });
    w.call.willHear({ status: 'speech', text: 'check my balance' });
    const step = await runBlock(
      w,
      lexBlock({ LexSessionAttributes: { Tier: '$.Attributes.tier', Greeting: 'Hi $.Attributes.name' } }),
      { contact: contact({ Attributes: { tier: 'gold', name: 'Ada' } }) },
    );
    expect(step.contactPatch?.Lex).toMatchObject({ SessionAttributes: { Tier: 'gold', Greeting: 'Hi Ada' } });
  });

  it('takes the error branch and says so when the instance has no such bot', async () => {
    const w = world({ bots: [BANK] });
    const step = await runBlock(
      w,
      lexBlock({ LexV2Bot: { AliasArn: 'arn:aws:lex:us-east-1:1:bot-alias/NOPE/X' } }),
    );
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe(
      'ENGINE_RESOURCE_NOT_FOUND: no bot arn:aws:lex:us-east-1:1:bot-alias/NOPE/X in this instance: Parley does not call Amazon Lex, so define the bot under "bots" in the instance',
    );
    expect(w.call.plays).toEqual([]);
    expect(w.call.listens).toEqual([]);
    const nameless = await runBlock(w, { Type: 'ConnectParticipantWithLexBot', Parameters: { Text: 'Hi' } });
    expect(nameless.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: the block names no bot: LexV2Bot.AliasArn or LexBot.Name',
    );
  });

  it("takes the error branch for a bot in another language than the contact's", async () => {
    const w = world({ bots: [{ ...BANK, locale: 'en_GB' }] });
    const step = await runBlock(w, lexBlock());
    expect(step.log?.results).toBe(
      "ENGINE_PARAMETER_INVALID: bot BankBot speaks en_GB, not the contact's language en-US",
    );
    const british = world({ bots: [{ ...BANK, locale: 'en_GB' }] });
    british.call.willHear({ status: 'dtmf', digits: '1' });
    const ok = await runBlock(british, lexBlock(), { contact: contact({ LanguageCode: 'en-GB' }) });
    expect(ok.outcome).toEqual({ kind: 'condition', value: 'CheckBalance' });
  });

  it('ends with the call when the caller hangs up, and errs when the prompt cannot play', async () => {
    const w = world({ bots: [BANK] });
    const listening = runBlock(w, lexBlock());
    await w.clock.advance(1000);
    w.call.callerHangsUp();
    expect((await listening).outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    const broken = world({ bots: [BANK] });
    broken.call.failing.add('sound:/tts/Joanna/How-can-I-help-');
    const step = await runBlock(broken, lexBlock());
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND: the call could not play/);
  });

  it('takes the error branch on a call that cannot listen', async () => {
    const w = world({ bots: [BANK] });
    w.call.listen = undefined;
    const step = await runBlock(w, lexBlock());
    expect(step.log?.results).toBe(
      'ENGINE_NO_EXECUTOR: this call cannot hear the caller for a bot: its telephony has no listen',
    );
  });

  it('hands the turn of a bot the instance lacks to a Lex port when one is configured', async () => {
    const requests: LexRequest[] = [];
    const w = world({
      bots: [],
      lex: {
        recognize: async (request) => {
          requests.push(request);
          return {
            ok: true,
            recognition: {
              intent: 'OrderPizza',
              slots: { Size: 'large' },
              score: 0.93,
              dialogState: 'ReadyForFulfillment',
              sessionAttributes: { orderId: '7' },
            },
          };
        },
      },
    });
    w.call.willHear({ status: 'speech', text: 'a large pizza' });
    const step = await runBlock(w, lexBlock({ LexSessionAttributes: { store: 'north' } }));
    expect(requests).toEqual([
      {
        bot: { aliasArn: ALIAS },
        sessionId: 'c0ffee00-0000-4000-8000-000000000001',
        locale: 'en-US',
        input: { text: 'a large pizza' },
        sessionAttributes: { store: 'north' },
      },
    ]);
    expect(step.outcome).toEqual({ kind: 'condition', value: 'OrderPizza' });
    expect(step.contactPatch?.Lex).toEqual({
      IntentName: 'OrderPizza',
      Slots: { Size: 'large' },
      SessionAttributes: { store: 'north', orderId: '7' },
      IntentConfidence: { Score: 0.93 },
      DialogState: 'ReadyForFulfillment',
    });

    const refusing = world({
      lex: { recognize: async () => ({ ok: false, reason: 'AccessDeniedException' }) },
    });
    refusing.call.willHear({ status: 'dtmf', digits: '5' });
    const denied = await runBlock(refusing, lexBlock());
    expect(denied.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(denied.log?.results).toBe('Amazon Lex: AccessDeniedException');

    const throwing = world({
      lex: {
        recognize: async () => {
          throw new Error('socket hang up');
        },
      },
    });
    throwing.call.willHear({ status: 'dtmf', digits: '5' });
    const thrown = await runBlock(throwing, lexBlock());
    expect(thrown.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(thrown.log?.results).toBe('Amazon Lex: socket hang up');
  });
});
