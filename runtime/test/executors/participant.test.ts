import { describe, expect, it } from 'vitest';
import { contact, promptArn, runBlock, world } from './support.js';

describe('MessageParticipant', () => {
  it('speaks Text in the contact voice and language, with references filled in, and goes on', async () => {
    const w = world();
    const c = contact({ Attributes: { name: 'Ana' }, LanguageCode: 'es-US', tts: { voice: 'Lupe' } });
    const step = await runBlock(
      w,
      { Type: 'MessageParticipant', Parameters: { Text: 'Hola $.Attributes.name, gracias.' } },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(w.voice.requests).toEqual([
      { text: 'Hola Ana, gracias.', textType: 'text', voice: 'Lupe', language: 'es-US' },
    ]);
    expect(w.call.plays).toEqual([{ media: ['sound:/tts/Lupe/Hola-Ana-gracias-'], interruptible: false }]);
    expect(w.transcript).toEqual([
      {
        kind: 'prompt',
        identifier: 'block',
        text: 'Hola Ana, gracias.',
        media: ['sound:/tts/Lupe/Hola-Ana-gracias-'],
      },
    ]);
    expect(step.log?.parameters).toEqual({ Text: 'Hola Ana, gracias.' });
  });

  it('renders SSML with inserted values escaped, and the transcript holds only the words', async () => {
    const w = world();
    const c = contact({ Attributes: { team: 'R&D' } });
    const step = await runBlock(
      w,
      {
        Type: 'MessageParticipant',
        Parameters: { SSML: '<speak>Welcome to <emphasis>$.Attributes.team</emphasis>.</speak>' },
      },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(w.voice.requests[0]).toMatchObject({
      text: '<speak>Welcome to <emphasis>R&amp;D</emphasis>.</speak>',
      textType: 'ssml',
      voice: 'Joanna',
    });
    expect(w.transcript[0]).toMatchObject({ kind: 'prompt', text: 'Welcome to R&D.' });
  });

  it('plays an instance prompt named by ARN or by a JSONPath to it, as its audio file', async () => {
    const w = world();
    await runBlock(w, { Type: 'MessageParticipant', Parameters: { PromptId: promptArn('p-welcome') } });
    const c = contact({ Attributes: { greeting: promptArn('p-music') } });
    await runBlock(
      w,
      { Type: 'MessageParticipant', Parameters: { PromptId: '$.Attributes.greeting' } },
      { contact: c },
    );
    expect(w.call.plays.map((p) => p.media)).toEqual([['sound:/prompts/welcome'], ['sound:/prompts/music']]);
    expect(w.transcript.map((t) => (t.kind === 'prompt' ? t.text : ''))).toEqual([
      'Welcome greeting',
      'Hold music',
    ]);
  });

  it('takes the error branch for a prompt the instance does not have', async () => {
    const w = world();
    const step = await runBlock(w, {
      Type: 'MessageParticipant',
      Parameters: { PromptId: promptArn('nope') },
    });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND: no prompt .*\/prompt\/nope/);
    expect(w.call.plays).toEqual([]);
  });

  it('plays media at an http(s) URL and refuses an S3 location with a clear reason', async () => {
    const w = world();
    const web = await runBlock(w, {
      Type: 'MessageParticipant',
      Parameters: {
        Media: { Uri: 'https://audio.example.com/welcome.wav', SourceType: 'S3', MediaType: 'Audio' },
      },
    });
    expect(web.outcome).toEqual({ kind: 'next' });
    expect(w.call.plays[0]?.media).toEqual(['sound:https://audio.example.com/welcome.wav']);
    const s3 = await runBlock(w, {
      Type: 'MessageParticipant',
      Parameters: { Media: { Uri: 's3://acme-audio/welcome.wav', SourceType: 'S3', MediaType: 'Audio' } },
    });
    expect(s3.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(s3.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: Media s3://acme-audio/welcome.wav is in Amazon S3, which Parley does not read: give the audio an http(s) URL or make it an instance prompt',
    );
    expect(w.call.plays).toHaveLength(1);
  });

  it('takes the error branch with the speech error when text cannot be spoken', async () => {
    const w = world();
    w.voice.failure = { code: 'TTS_ENGINE_MISSING', message: 'espeak-ng is not installed' };
    const step = await runBlock(w, { Type: 'MessageParticipant', Parameters: { Text: 'Hello' } });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe('TTS_ENGINE_MISSING: espeak-ng is not installed');
  });

  it('takes the error branch, not a fault of the contact, when the voice port throws', async () => {
    const w = world();
    w.voice.crash = new Error('cache disk gone');
    const step = await runBlock(w, { Type: 'MessageParticipant', Parameters: { Text: 'Hello' } });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe('TTS_ENGINE_FAILED: cache disk gone');
    expect(w.call.plays).toEqual([]);
  });

  it('takes the error branch when the call cannot play the audio', async () => {
    const w = world();
    w.call.failing.add('sound:/prompts/welcome');
    const step = await runBlock(w, {
      Type: 'MessageParticipant',
      Parameters: { PromptId: promptArn('p-welcome') },
    });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toMatch(
      /^ENGINE_RESOURCE_NOT_FOUND: the call could not play sound:\/prompts\/welcome/,
    );
  });

  it('ends the contact when the caller hangs up during the prompt', async () => {
    const w = world();
    w.call.playMs = 5000;
    const running = runBlock(w, { Type: 'MessageParticipant', Parameters: { Text: 'A long message' } });
    await w.clock.advance(1000);
    w.call.callerHangsUp();
    const step = await running;
    expect(step.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(step.log?.results).toBe('The customer hung up.');
  });

  it('does nothing on a call that has already ended but end the contact', async () => {
    const w = world();
    w.call.callerHangsUp();
    const step = await runBlock(w, { Type: 'MessageParticipant', Parameters: { Text: 'Hello' } });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(w.voice.requests).toEqual([]);
  });

  it('takes the error branch on a chat contact, which Parley does not run', async () => {
    const w = world();
    const step = await runBlock(
      w,
      { Type: 'MessageParticipant', Parameters: { Text: 'Hello' } },
      { contact: contact({ Channel: 'CHAT' }) },
    );
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe(
      'ENGINE_NO_EXECUTOR: Parley runs voice contacts only: MessageParticipant on a CHAT contact takes its error branch',
    );
  });
});

describe('MessageParticipantIteratively', () => {
  const messages = [{ PromptId: promptArn('p-music') }, { Text: 'Your call is important to us.' }];

  it('plays the messages in order, round and round, until the caller hangs up', async () => {
    const w = world();
    const running = runBlock(w, {
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: messages },
    });
    await w.clock.advance(4500);
    w.call.callerHangsUp();
    const step = await running;
    expect(step.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(w.call.plays.map((p) => p.media[0])).toEqual([
      'sound:/prompts/music',
      'sound:/tts/Joanna/Your-call-is-important-to-us-',
      'sound:/prompts/music',
      'sound:/tts/Joanna/Your-call-is-important-to-us-',
      'sound:/prompts/music',
    ]);
    // Each message is rendered once per run of the block, however often it plays.
    expect(w.voice.requests).toHaveLength(1);
  });

  it('completes with MessagesInterrupted when InterruptFrequencySeconds have passed, even mid-prompt', async () => {
    const w = world();
    w.call.playMs = 20_000;
    const started = w.clock.now();
    const step = await runBlock(w, {
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: messages, InterruptFrequencySeconds: '30' },
    });
    expect(step.outcome).toEqual({ kind: 'condition', value: 'MessagesInterrupted' });
    expect(step.log?.results).toBe('MessagesInterrupted');
    expect(w.clock.now() - started).toBeGreaterThanOrEqual(30_000);
    expect(w.call.plays).toHaveLength(2);
    expect(w.call.ended).toBeUndefined();
  });

  it('skips a message that cannot be played and errs when none of them can', async () => {
    const w = world();
    w.call.failing.add('sound:/prompts/music');
    const running = runBlock(w, {
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: messages },
    });
    await w.clock.advance(2500);
    expect(w.call.plays.length).toBeGreaterThanOrEqual(3);
    w.call.callerHangsUp();
    expect((await running).outcome).toEqual({ kind: 'end', reason: 'disconnect' });

    const broken = world();
    broken.call.failing.add('sound:/prompts/music');
    const step = await runBlock(broken, {
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: [{ PromptId: promptArn('p-music') }, { PromptId: promptArn('missing') }] },
    });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND/);
  });

  it('errs on an empty message list and on a chat contact', async () => {
    const w = world();
    const empty = await runBlock(w, { Type: 'MessageParticipantIteratively', Parameters: { Messages: [] } });
    expect(empty.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    const chat = await runBlock(
      w,
      { Type: 'MessageParticipantIteratively', Parameters: { Messages: messages } },
      { contact: contact({ Channel: 'CHAT' }) },
    );
    expect(chat.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
  });

  it('stops when the run that invoked it is aborted', async () => {
    const w = world();
    const abort = new AbortController();
    w.ports.signal = abort.signal;
    const running = runBlock(w, {
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: messages },
    });
    await w.clock.advance(1500);
    abort.abort();
    const step = await running;
    expect(step.outcome).toEqual({ kind: 'end', reason: 'endFlow' });
    const plays = w.call.plays.length;
    await w.clock.advance(10_000);
    expect(w.call.plays).toHaveLength(plays);
  });
});

describe('DisconnectParticipant', () => {
  it('hangs up the call and ends the flow', async () => {
    const w = world();
    const step = await runBlock(w, { Type: 'DisconnectParticipant' });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(w.call.hangups).toEqual(['normal']);
    expect(w.call.ended).toEqual({ cause: 16, by: 'runtime' });
    expect(w.transcript).toEqual([{ kind: 'disconnect', identifier: 'block', by: 'flow' }]);
  });

  it('still ends the flow as a disconnect when the telephony refuses the hang-up, which the runner tries again', async () => {
    const w = world();
    w.call.hangupRefusals = 1;
    const step = await runBlock(w, { Type: 'DisconnectParticipant' });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(step.log?.results).toBe('ENGINE_TELEPHONY_FAILED: Asterisk answered 500 to channels.hangup');
    expect(w.call.ended).toBeUndefined();
  });

  it('only ends the flow when the caller is already gone', async () => {
    const w = world();
    w.call.callerHangsUp();
    const step = await runBlock(w, { Type: 'DisconnectParticipant' });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(w.call.hangups).toEqual([]);
    expect(w.transcript).toEqual([]);
  });
});
