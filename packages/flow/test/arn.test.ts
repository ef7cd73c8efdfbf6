import { describe, expect, it } from 'vitest';
import { arnKind, hasPlaceholder, parseConnectArn } from '../src/arn/arn.js';

const instance = 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555';

describe('ARNs in flows', () => {
  it('tell the kind of resource they name', () => {
    expect(arnKind(`${instance}/queue/q1`)).toBe('queue');
    expect(arnKind(`${instance}/contact-flow/f1`)).toBe('flow');
    expect(arnKind(`${instance}/contact-flow/f1:$SAVED`)).toBe('flow');
    expect(arnKind(`${instance}/flow-module/m1`)).toBe('module');
    expect(arnKind(`${instance}/operating-hours/h1`)).toBe('hours');
    expect(arnKind(`${instance}/prompt/p1`)).toBe('prompt');
    expect(arnKind(`${instance}/agent/a1`)).toBe('agent');
    expect(arnKind('arn:aws:lambda:us-east-1:123456789012:function:lookup')).toBe('lambda');
    expect(arnKind('arn:aws:lambda:us-east-1:123456789012:function:lookup:live')).toBe('lambda');
    expect(arnKind('arn:aws:lex:us-east-1:123456789012:bot-alias/BOT/ALIAS')).toBe('lexV2Alias');
    expect(arnKind('arn:aws:wisdom:us-east-1:123456789012:assistant/a1')).toBe('wisdomAssistant');
    expect(arnKind('arn:aws-us-gov:connect:us-gov-west-1:123456789012:phone-number/p1')).toBe('phoneNumber');
  });

  it('say nothing about what is not an ARN they model', () => {
    expect(arnKind('q1')).toBeUndefined();
    expect(arnKind('arn:aws:s3:::bucket/key')).toBeUndefined();
    expect(arnKind('arn:broken')).toBeUndefined();
    expect(arnKind(`${instance}/unknown-thing/x`)).toBeUndefined();
  });

  it('parse Connect resource ARNs into their parts', () => {
    expect(parseConnectArn(`${instance}/contact-flow/f1:$SAVED`)).toMatchObject({
      region: 'us-east-1',
      account: '123456789012',
      instanceId: '11111111-2222-3333-4444-555555555555',
      resourceType: 'contact-flow',
      resourceId: 'f1',
      qualifier: '$SAVED',
    });
    expect(parseConnectArn('arn:aws:lambda:us-east-1:123456789012:function:x')).toBeUndefined();
  });

  it('recognise template placeholders left by infrastructure code', () => {
    expect(hasPlaceholder(['arn:aws:connect:', '$', '{AWS::Region}:1:instance/x'].join(''))).toBe(true);
    expect(hasPlaceholder('{{ queue_arn }}')).toBe(true);
    expect(hasPlaceholder('%%QUEUE%%')).toBe(true);
    expect(hasPlaceholder('Costs $5 {maybe}')).toBe(false);
  });
});
