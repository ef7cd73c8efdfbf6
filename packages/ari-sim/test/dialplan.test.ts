import { describe, expect, it } from 'vitest';
import { defaultDialplan, parseAriConf, parseMusicOnHoldConf } from '../src/index.js';
import { Dialplan, substitute } from '../src/model/dialplan.js';
import { parseParams } from '../src/rest/params.js';

/** An Asterisk `${...}` expression, spelt without a template-looking string literal. */
const v = (expr: string) => ['$', '{', expr, '}'].join('');

describe('the dialplan', () => {
  const plan = Dialplan.parse(`
[general]
static = yes
[ctx]
exten => 1001,1,NoOp(literal) ; comment
exten => _1XXX,1,NoOp(four digits)
exten => _NXXNXXXXXX,1,NoOp(ten digits)
exten => _X.,1,NoOp(anything)
 same => n(next),Stasis(app,a,\${EXTEN:1})
 same => n,Hangup()
exten => _+X.,1,Goto(\${EXTEN:1},1)
include => other
[other]
exten => *99,1,NoOp(included)
`);

  it('prefers literal extensions, then the most specific pattern', () => {
    expect(plan.step('ctx', '1001', 1)?.data).toBe('literal');
    expect(plan.step('ctx', '1002', 1)?.data).toBe('four digits');
    expect(plan.step('ctx', '2125551212', 1)?.data).toBe('ten digits');
    // `.` needs at least one more character: `_X.` does not match a single digit.
    expect(plan.step('ctx', '0', 1)).toBeUndefined();
    expect(plan.step('ctx', '00', 1)?.data).toBe('anything');
    expect(plan.step('ctx', '+15550001111', 1)?.app).toBe('Goto');
    expect(plan.step('ctx', '*99', 1)?.data).toBe('included');
    expect(plan.exists('ctx', 'abc')).toBe(false);
  });

  it('numbers `n` priorities and finds labels', () => {
    expect(plan.step('ctx', '00', 2)).toMatchObject({
      app: 'Stasis',
      data: `app,a,${v('EXTEN:1')}`,
      label: 'next',
    });
    expect(plan.findLabel('ctx', '00', 'next')).toBe(2);
    expect(plan.step('ctx', '00', 3)?.app).toBe('Hangup');
  });

  it('substitutes variables, substrings and functions', () => {
    const vars: Record<string, string> = { EXTEN: '+18005550100', 'CALLERID(num)': '+1555' };
    const read = (name: string) => vars[name];
    expect(substitute(`app,${v('EXTEN:1')},${v('EXTEN:-4')},${v('EXTEN:1:3')}`, read)).toBe(
      'app,18005550100,0100,180',
    );
    expect(substitute(`from ${v('CALLERID(num)')} ${v('UNSET')}.`, read)).toBe('from +1555 .');
  });

  it('parses the default test dialplan with the configured app names', () => {
    const dp = Dialplan.parse(defaultDialplan({ runtimeApp: 'flowrt' }));
    expect(dp.step('from-test', '18005550100', 2)?.data).toBe(`flowrt,inbound,${v('EXTEN')}`);
    expect(dp.step('test-agents', '1001', 1)?.data).toBe(`harness,agent,${v('EXTEN')}`);
  });
});

describe('request parameters', () => {
  const specs = [
    { name: 'channelId', in: 'path', required: true, multiple: false, type: 'string' },
    { name: 'media', in: 'query', required: true, multiple: true, type: 'string' },
    { name: 'timeout', in: 'query', required: false, multiple: false, type: 'int', default: 30 },
    { name: 'beep', in: 'query', required: false, multiple: false, type: 'boolean' },
  ] as const;

  it('comma-splits multi-valued query parameters and types the rest like Asterisk', () => {
    const params = parseParams(specs, {
      path: { channelId: 'c1' },
      query: { media: 'sound:a,sound:b', timeout: '12s', beep: 'yes' },
      body: undefined,
    });
    expect(Object.fromEntries(params)).toEqual({
      channelId: 'c1',
      media: ['sound:a', 'sound:b'],
      timeout: 12,
      beep: true,
    });
  });

  it('lets the JSON body override the query string and fills spec defaults', () => {
    const params = parseParams(specs, {
      path: {},
      query: { media: 'sound:a' },
      body: { media: ['sound:http://x/y,z.wav'], beep: 'true' },
    });
    expect(Object.fromEntries(params)).toEqual({
      media: ['sound:http://x/y,z.wav'],
      timeout: 30,
      beep: false,
    });
  });
});

describe('Asterisk configuration files', () => {
  it('reads ari.conf users and musiconhold.conf classes', () => {
    const users = parseAriConf(
      `[general]\nenabled = yes\n\n[flowrt]\ntype = user\nread_only = no\npassword = secret ; plain\n\n[viewer]\ntype=user\nread_only=yes\npassword=v\n`,
    );
    expect(users).toEqual([
      { username: 'flowrt', password: 'secret', readOnly: false },
      { username: 'viewer', password: 'v', readOnly: true },
    ]);
    expect(parseMusicOnHoldConf('[default]\nmode = files\ndirectory = /srv/moh\nsort = alpha\n')).toEqual({
      default: { directory: '/srv/moh' },
    });
  });
});
