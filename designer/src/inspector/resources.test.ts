import { describe, expect, it } from 'vitest';
import { TYPES } from '../resources/test-types.js';
import { entriesOf, optionFor, optionsOf, RESOURCE_SOURCES } from './resources.js';
import { createInstanceResources } from './useInstanceResources.js';

const ARN = 'arn:aws:connect:us-east-1:000000000000:instance/i';
const flows = {
  flows: [
    { id: 'f1', name: 'Main', type: 'CONTACT_FLOW', arn: `${ARN}/contact-flow/f1` },
    { id: 'm1', name: 'Auth', type: 'MODULE', arn: `${ARN}/flow-module/m1` },
    { id: 'f2', name: 'Billing', type: 'QUEUE_TRANSFER', arn: `${ARN}/contact-flow/f2` },
  ],
};
const bots = {
  bots: [
    { id: 'b1', name: 'Classic', arn: 'arn:aws:lex:us-east-1:000000000000:bot:Classic' },
    { id: 'b2', name: 'Modern', arn: 'arn:aws:lex:us-east-1:000000000000:bot-alias/B/A' },
  ],
};

describe('resource lists', () => {
  it('lists flows and modules from the one flows list, by name, valued by ARN', () => {
    const entries = entriesOf(flows, 'flows');
    expect(optionsOf('flow', entries).map((o) => [o.name, o.value])).toEqual([
      ['Billing', `${ARN}/contact-flow/f2`],
      ['Main', `${ARN}/contact-flow/f1`],
    ]);
    expect(optionsOf('module', entries).map((o) => o.name)).toEqual(['Auth']);
  });

  it('names a classic Lex bot by name and a V2 one by its alias ARN', () => {
    const entries = entriesOf(bots, 'bots');
    expect(optionsOf('lexBot', entries).map((o) => o.value)).toEqual(['Classic']);
    expect(optionsOf('lexV2Alias', entries).map((o) => o.value)).toEqual([bots.bots[1]?.arn]);
    expect(optionsOf('view', entries)).toEqual([]);
  });

  it('finds the option a value names by ARN, ID or name, and none for an unknown value', () => {
    const options = optionsOf('flow', entriesOf(flows, 'flows'));
    expect(optionFor(options, `${ARN}/contact-flow/f1`)?.name).toBe('Main');
    expect(optionFor(options, 'f2')?.name).toBe('Billing');
    expect(optionFor(options, 'Main')?.id).toBe('f1');
    expect(optionFor(options, 'arn:elsewhere')).toBeUndefined();
  });

  it('leaves out what is not an entry', () => {
    expect(entriesOf({ queues: [{ id: 'q' }, null, { id: 'q2', arn: 'a' }] }, 'queues')).toEqual([
      { id: 'q2', arn: 'a', name: 'q2' },
    ]);
    expect(entriesOf({ queues: 'no' }, 'queues')).toEqual([]);
    expect(entriesOf(null, 'queues')).toEqual([]);
  });
});

describe('the instance resources cache', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  /** The lists as the API answers them, by path below the instance. */
  const instance: Record<string, unknown> = {
    'hours-of-operation': {
      hoursOfOperation: [
        {
          id: 'h2',
          name: 'Weekdays',
          arn: `${ARN}/operating-hours/h2`,
          timeZone: 'Europe/Paris',
          config: [],
        },
        { id: 'h1', name: 'Always open', arn: `${ARN}/operating-hours/h1`, timeZone: 'UTC', config: [] },
      ],
    },
    'lambda-functions': {
      lambdaFunctions: [
        {
          id: 'l1',
          name: 'lookupCustomer',
          arn: 'arn:aws:lambda:us-east-1:000000000000:function:lookupCustomer',
          module: 'lambdas/lookup.js',
        },
      ],
    },
  };
  const fromInstance = async (path: string) => {
    if (!(path in instance)) throw new Error(`404 no list at ${path}`);
    return instance[path];
  };

  it("lists the instance's hours of operation by name, each valued by its ARN", async () => {
    const resources = createInstanceResources(fromInstance);
    resources.load('hours');
    await settle();
    const list = resources.list('hours');
    if (list?.state !== 'done') throw new Error(`the hours should have loaded: ${JSON.stringify(list)}`);
    expect(list.options.map((o) => [o.name, o.value])).toEqual([
      ['Always open', `${ARN}/operating-hours/h1`],
      ['Weekdays', `${ARN}/operating-hours/h2`],
    ]);
  });

  it("lists the instance's Lambda functions by name, each valued by the function's ARN", async () => {
    const resources = createInstanceResources(fromInstance);
    resources.load('lambda');
    await settle();
    expect(resources.list('lambda')).toEqual({
      state: 'done',
      options: [
        {
          name: 'lookupCustomer',
          value: 'arn:aws:lambda:us-east-1:000000000000:function:lookupCustomer',
          id: 'l1',
          arn: 'arn:aws:lambda:us-east-1:000000000000:function:lookupCustomer',
        },
      ],
    });
  });

  it('reads each kind from the list the server serves that kind under', () => {
    for (const [kind, source] of Object.entries(RESOURCE_SOURCES)) {
      if (source.path === 'flows') continue;
      const served = TYPES.find((t) => t.path === source.path);
      expect({ kind, collection: served?.collection, kinds: served?.flowKinds }).toEqual({
        kind,
        collection: source.collection,
        kinds: expect.arrayContaining([kind]),
      });
    }
    expect(RESOURCE_SOURCES.hours?.path).toBe('hours-of-operation');
    expect(RESOURCE_SOURCES.lambda?.path).toBe('lambda-functions');
  });

  it('fetches a list on first load, once for kinds sharing it, and tells subscribers', async () => {
    const asked: string[] = [];
    const resources = createInstanceResources(async (path) => {
      asked.push(path);
      return path === 'flows' ? flows : { queues: [] };
    });
    let heard = 0;
    resources.subscribe(() => heard++);
    expect(resources.list('flow')).toEqual({ state: 'idle' });
    resources.load('flow');
    resources.load('module');
    resources.load('flow');
    expect(resources.list('module')).toEqual({ state: 'loading' });
    await settle();
    const list = resources.list('module');
    expect(list).toMatchObject({ state: 'done', options: [{ name: 'Auth' }] });
    expect(resources.list('module')).toBe(list);
    expect(asked).toEqual(['flows']);
    expect(heard).toBe(2);
    expect(resources.list('view')).toBeUndefined();
    resources.refresh('flow');
    await settle();
    expect(asked).toEqual(['flows', 'flows']);
  });

  it('reports a failed list', async () => {
    const resources = createInstanceResources(async () => {
      throw new Error('403 Forbidden');
    });
    resources.load('queue');
    await settle();
    expect(resources.list('queue')).toEqual({ state: 'failed', error: '403 Forbidden' });
  });
});
