import { describe, expect, it } from 'vitest';
import {
  type BotResource,
  checkBot,
  matchUtterance,
  normalise,
  parseUtterance,
  recognize,
} from '../../src/integrations/bot.js';

const BANK: BotResource = {
  name: 'BankBot',
  arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID',
  intents: [
    {
      name: 'CheckBalance',
      utterances: ['check my balance', 'what is my balance', 'how much money do I have'],
      dtmf: '1',
    },
    {
      name: 'PayBill',
      utterances: ['I want to pay my {BillType} bill', 'pay my {BillType} bill', 'pay a bill'],
      dtmf: '2',
      slots: [{ name: 'BillType', values: ['phone', 'electricity', 'credit card'] }],
    },
    {
      name: 'TransferFunds',
      utterances: ['transfer {Amount} dollars to {Account}', 'send {Amount} dollars to {Account}'],
      slots: [{ name: 'Amount', type: 'AMAZON.Number' }, { name: 'Account' }],
    },
    { name: 'Agent', utterances: ['agent', 'talk to a person', 'representative'], dtmf: '0' },
  ],
};

describe('normalising what the caller said', () => {
  it('lower-cases, drops apostrophes and turns other punctuation into spaces', () => {
    expect(normalise("  I'd like to PAY my bill, please!  ")).toEqual([
      'id',
      'like',
      'to',
      'pay',
      'my',
      'bill',
      'please',
    ]);
    expect(normalise('e-mail… ¿qué?')).toEqual(['e', 'mail', 'qué']);
    expect(normalise('?!')).toEqual([]);
  });

  it('reads an utterance as words and slot placeholders', () => {
    expect(parseUtterance('Pay my {BillType} bill.')).toEqual([
      { word: 'pay' },
      { word: 'my' },
      { slot: 'BillType' },
      { word: 'bill' },
    ]);
  });
});

describe('recognising keys', () => {
  it('picks the intent whose dtmf the keys equal, with full confidence and empty slots', () => {
    expect(recognize(BANK, { dtmf: '2' })).toEqual({
      intent: 'PayBill',
      slots: { BillType: null },
      score: 1,
      dialogState: 'Fulfilled',
      matched: true,
    });
  });

  it('matches other keys as text and falls back when nothing takes them', () => {
    expect(recognize(BANK, { dtmf: '9' })).toMatchObject({ intent: 'FallbackIntent', matched: false });
    const numbered: BotResource = { ...BANK, intents: [{ name: 'Nine', utterances: ['9'] }] };
    expect(recognize(numbered, { dtmf: '9' })).toMatchObject({ intent: 'Nine', score: 1 });
  });
});

describe('recognising words', () => {
  it('matches an utterance said exactly, whatever the case and punctuation', () => {
    expect(recognize(BANK, { text: 'Check my balance.' })).toMatchObject({
      intent: 'CheckBalance',
      score: 1,
      dialogState: 'Fulfilled',
    });
  });

  it('matches by overlap when the caller says more or less than an utterance', () => {
    const r = recognize(BANK, { text: 'um hi, could you check my balance' });
    expect(r.intent).toBe('CheckBalance');
    // Three of seven words explain all of the utterance: 2·(3/7)·1 / (3/7 + 1).
    expect(r.score).toBe(0.6);
    expect(recognize(BANK, { text: 'balance' })).toMatchObject({ intent: 'CheckBalance' });
  });

  it('fills a slot from the words in its place, reporting the value as the bot writes it', () => {
    expect(recognize(BANK, { text: 'I want to pay my Credit-Card bill' })).toMatchObject({
      intent: 'PayBill',
      slots: { BillType: 'credit card' },
      score: 1,
    });
  });

  it('leaves a slot empty when the words in its place are not one of its values', () => {
    const r = recognize(BANK, { text: 'pay my water bill' });
    expect(r).toMatchObject({ intent: 'PayBill', slots: { BillType: null } });
    expect(r.score).toBeLessThan(1);
  });

  it('fills a number slot from digits or digit words, and a free slot from the rest of its words', () => {
    expect(recognize(BANK, { text: 'transfer 250 dollars to my savings account' })).toMatchObject({
      intent: 'TransferFunds',
      slots: { Amount: '250', Account: 'my savings account' },
    });
    expect(recognize(BANK, { text: 'send four two dollars to Bob' })).toMatchObject({
      slots: { Amount: '42', Account: 'bob' },
    });
  });

  it('prefers the better utterance across intents, and the earlier intent on a tie', () => {
    expect(recognize(BANK, { text: 'can I talk to a person please' }).intent).toBe('Agent');
    expect(recognize(BANK, { text: 'I would like to pay my phone bill' })).toMatchObject({
      intent: 'PayBill',
      slots: { BillType: 'phone' },
    });
    const twins: BotResource = {
      ...BANK,
      intents: [
        { name: 'First', utterances: ['hello there'] },
        { name: 'Second', utterances: ['hello there'] },
      ],
    };
    expect(recognize(twins, { text: 'hello there' }).intent).toBe('First');
  });

  it('falls back when nothing scores at least the threshold, with no score and no slots', () => {
    expect(recognize(BANK, { text: 'what time do you close' })).toEqual({
      intent: 'FallbackIntent',
      slots: {},
      dialogState: 'ElicitIntent',
      matched: false,
    });
    expect(recognize(BANK, { text: '...' }).intent).toBe('FallbackIntent');
  });

  it("honours an intent's own confidence, the bot's threshold and the bot's fallback name", () => {
    const strict: BotResource = {
      ...BANK,
      fallbackIntent: 'NotUnderstood',
      intents: [{ name: 'CheckBalance', utterances: ['check my balance'], confidence: 0.9 }],
    };
    expect(recognize(strict, { text: 'check my balance please' }).intent).toBe('NotUnderstood');
    expect(recognize(strict, { text: 'check my balance' }).intent).toBe('CheckBalance');
    const lenient: BotResource = { ...BANK, confidenceThreshold: 0.1 };
    expect(recognize(lenient, { text: 'my card' }).intent).not.toBe('FallbackIntent');
  });
});

describe('scoring one utterance', () => {
  it('is 1 for an exact match, and counts words said beyond the utterance against it', () => {
    const parts = parseUtterance('pay my {BillType} bill');
    const slots = [{ name: 'BillType', values: ['phone'] }];
    expect(matchUtterance(parts, ['pay', 'my', 'phone', 'bill'], slots).score).toBe(1);
    const wordy = matchUtterance(parts, ['please', 'pay', 'my', 'phone', 'bill', 'today'], slots);
    expect(wordy.score).toBeCloseTo(0.8, 5);
    expect(matchUtterance(parts, [], slots).score).toBe(0);
  });
});

describe('checking a bot', () => {
  it('accepts a good bot', () => {
    expect(checkBot(BANK)).toEqual([]);
  });

  it('names duplicate intents, undeclared placeholders, shared keys and intents nothing can select', () => {
    const bad: BotResource = {
      name: 'Bad',
      arn: 'arn:parley:lex:us-east-1:000000000000:bot-alias/Bad',
      intents: [
        { name: 'A', utterances: ['go to {Place}'], dtmf: '1' },
        { name: 'A', utterances: ['again'] },
        { name: 'B', utterances: [], dtmf: '1' },
        { name: 'C', utterances: [] },
        { name: 'FallbackIntent', utterances: ['?'] },
      ],
    };
    expect(checkBot(bad)).toEqual([
      'bot Bad intent A utterance "go to {Place}" uses {Place}, which is not one of its slots',
      'bot Bad intent A is defined twice',
      'bot Bad intent B has the same dtmf "1" as intent A',
      'bot Bad intent C has neither utterances nor dtmf: nothing can select it',
      'bot Bad intent FallbackIntent has the name of the fallback intent',
      'bot Bad intent FallbackIntent has an utterance without words: "?"',
    ]);
  });
});
