import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './route.js';

describe('designer routes', () => {
  it('reads the instance and the flow from the path', () => {
    expect(parseRoute('/')).toEqual({});
    expect(parseRoute('/instances/demo')).toEqual({ instance: 'demo' });
    expect(parseRoute('/instances/demo/flows/Bank%20menu')).toEqual({ instance: 'demo', flow: 'Bank menu' });
    expect(parseRoute('/something/else')).toEqual({});
  });

  it('writes back the path it reads, escaping names', () => {
    for (const route of [{}, { instance: 'demo' }, { instance: 'demo', flow: 'a/b c' }])
      expect(parseRoute(routePath(route))).toEqual(route);
    expect(routePath({ instance: 'demo', flow: 'a/b' })).toBe('/instances/demo/flows/a%2Fb');
  });

  it('reads and writes a resource page of an instance, its kind by API path', () => {
    expect(parseRoute('/instances/demo/resources/hours-of-operation')).toEqual({
      instance: 'demo',
      resources: 'hours-of-operation',
    });
    expect(parseRoute('/instances/demo/resources')).toEqual({ instance: 'demo' });
    const route = { instance: 'demo', resources: 'queues' };
    expect(routePath(route)).toBe('/instances/demo/resources/queues');
    expect(parseRoute(routePath(route))).toEqual(route);
  });
});
