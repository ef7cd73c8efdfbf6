import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './route.js';

describe('the agent panel route', () => {
  it('reads and writes /instances/<instance>/agent', () => {
    expect(parseRoute('/instances/demo/agent')).toEqual({ instance: 'demo', agent: true });
    expect(routePath({ instance: 'demo', agent: true })).toBe('/instances/demo/agent');
  });
});
