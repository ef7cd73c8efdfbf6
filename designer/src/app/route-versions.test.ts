import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './route.js';

describe('version routes', () => {
  it('read a saved version of a flow, and one compared with an older version', () => {
    expect(parseRoute('/instances/demo/flows/f1/versions/3')).toEqual({
      instance: 'demo',
      flow: 'f1',
      version: 3,
    });
    expect(parseRoute('/instances/demo/flows/f1/versions/3/compare/1')).toEqual({
      instance: 'demo',
      flow: 'f1',
      version: 3,
      compare: 1,
    });
  });

  it('fall back to the flow itself on a version that is not a positive number', () => {
    for (const tail of ['versions', 'versions/0', 'versions/x', 'versions/-1', 'other/2'])
      expect(parseRoute(`/instances/demo/flows/f1/${tail}`)).toEqual({ instance: 'demo', flow: 'f1' });
    expect(parseRoute('/instances/demo/flows/f1/versions/2/compare/none')).toEqual({
      instance: 'demo',
      flow: 'f1',
      version: 2,
    });
  });

  it('write back the path they read', () => {
    for (const route of [
      { instance: 'demo', flow: 'a b', version: 2 },
      { instance: 'demo', flow: 'a b', version: 5, compare: 4 },
    ])
      expect(parseRoute(routePath(route))).toEqual(route);
    expect(routePath({ instance: 'demo', flow: 'f', version: 5, compare: 2 })).toBe(
      '/instances/demo/flows/f/versions/5/compare/2',
    );
  });
});
