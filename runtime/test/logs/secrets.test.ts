import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Instance } from '../../src/contact/instance.js';
import { parseCallerScript } from '../../src/contact/script.js';
import { placeholderVoice, type SimulatedCall, simulateCall } from '../../src/contact/simulate.js';
import { createExecutors } from '../../src/executors/index.js';
import { ENCRYPTED_INPUT } from '../../src/executors/input.js';
import { HIDDEN } from '../../src/logs/entry.js';

const CARD = '4111111111111111';
const { publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
/** A line of the key's base64, which a log holding the key would hold too. */
const keyMaterial = publicKey.split('\n')[2] ?? '';

const flow = (lambdaArn: string) => ({
  Version: '2019-10-30',
  StartAction: 'Log',
  Actions: [
    {
      Identifier: 'Log',
      Type: 'UpdateFlowLoggingBehavior',
      Parameters: { FlowLoggingBehavior: 'Enabled' },
      Transitions: { NextAction: 'Card' },
    },
    {
      Identifier: 'Card',
      Type: 'GetParticipantInput',
      Parameters: {
        Text: 'Please key in your card number, then press the pound key.',
        StoreInput: 'True',
        InputTimeLimitSeconds: '8',
        InputValidation: { CustomValidation: { MaximumLength: '19' } },
        InputEncryption: { EncryptionKeyId: 'payments-2025', Key: publicKey },
        DTMFConfiguration: { InputTerminationSequence: '#' },
      },
      Transitions: { NextAction: 'Keep', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
    },
    {
      Identifier: 'Keep',
      Type: 'UpdateContactAttributes',
      Parameters: { Attributes: { card: '$.StoredCustomerInput' }, TargetContact: 'Current' },
      Transitions: { NextAction: 'Charge', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
    },
    {
      Identifier: 'Charge',
      Type: 'InvokeLambdaFunction',
      Parameters: {
        LambdaFunctionARN: lambdaArn,
        InvocationTimeLimitSeconds: '3',
        LambdaInvocationAttributes: { card: '$.StoredCustomerInput' },
      },
      Transitions: { NextAction: 'Bye', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
    },
    { Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
});

describe('flow logs of a call that keys in a card number under encryption and calls a Lambda with credentials', () => {
  let server: Server;
  let call: SimulatedCall;
  const seen: { url: string; body: string }[] = [];
  beforeAll(async () => {
    // A function that fails, so that its URL and headers have every reason to show in a log.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', body });
        res.writeHead(500, { 'content-type': 'text/plain' }).end('the charge service is down');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const instance = new Instance();
    instance.addFunction({
      name: 'charge',
      resource: {
        kind: 'http',
        url: `http://127.0.0.1:${port}/charge?api_key=lambda-query-secret-7`,
        headers: { authorization: 'Bearer lambda-bearer-secret-8', 'x-api-key': 'lambda-header-secret-9' },
      },
    });
    const arn = `arn:aws:lambda:${instance.info.region}:${instance.info.account}:function:charge`;
    const loaded = instance.loadFlow(new TextEncoder().encode(JSON.stringify(flow(arn))), {
      file: 'card.json',
    });
    if (!loaded.ok) throw new Error(loaded.problem.message);
    const script = parseCallerScript({ steps: [{ expectPrompt: 'card number' }, { dtmf: `${CARD}#` }] });
    if (!script.ok) throw new Error(script.problem.message);
    call = await simulateCall({
      instance,
      flow: loaded.flow,
      script: script.script,
      executors: createExecutors(),
      voice: placeholderVoice(),
    });
  }, 60_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('ran the blocks the secrets pass through', () => {
    expect(call.problems).toEqual([]);
    expect(call.path.map((p) => p.identifier)).toEqual(['Log', 'Card', 'Keep', 'Charge', 'Bye']);
    // The function was reached, with the sealed input and not the digits.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]?.body).not.toContain(CARD);
    expect(call.logs.find((e) => e.Identifier === 'Charge')?.Results).toBe(
      'The Lambda Function Returned An Error.',
    );
  });

  it('never hold the digits the caller keyed in', () => {
    expect(JSON.stringify(call.logs)).not.toContain(CARD);
    expect(call.logs.find((e) => e.Identifier === 'Card')?.Results).toBe('encrypted with payments-2025');
  });

  it('show the input as encrypted in the call’s transcript, beside what the caller pressed', () => {
    expect(call.transcript).toContainEqual(
      expect.objectContaining({ kind: 'input', identifier: 'Card', digits: ENCRYPTED_INPUT }),
    );
    const flowSide = call.transcript.filter((l) => l.kind !== 'caller');
    expect(JSON.stringify(flowSide)).not.toContain(CARD);
  });

  it('name the encryption key by its ID and leave the key itself out', () => {
    const card = call.logs.find((e) => e.Identifier === 'Card');
    expect(card?.Parameters.InputEncryption).toEqual({ EncryptionKeyId: 'payments-2025', Key: HIDDEN });
    expect(JSON.stringify(call.logs)).not.toContain(keyMaterial);
  });

  it('never hold the Lambda function’s URL or credentials', () => {
    const text = JSON.stringify(call.logs);
    for (const secret of [
      'lambda-query-secret-7',
      'lambda-bearer-secret-8',
      'lambda-header-secret-9',
      '/charge?',
    ])
      expect(text).not.toContain(secret);
  });

  it('leave the digits and the credentials out of the contact record too', () => {
    const record = JSON.stringify(call.record);
    expect(record.length).toBeGreaterThan(100);
    for (const secret of [CARD, keyMaterial, 'lambda-query-secret-7', 'lambda-bearer-secret-8'])
      expect(record).not.toContain(secret);
  });
});
