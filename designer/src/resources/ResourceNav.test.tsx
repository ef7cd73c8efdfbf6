import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResourceNav } from './ResourceNav.js';

const render = (selected: string | undefined) =>
  renderToStaticMarkup(<ResourceNav instance="demo" selected={selected} navigate={() => undefined} />);

describe('ResourceNav', () => {
  it('links the flows and each resource page of the instance', () => {
    const html = render(undefined);
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['/instances/demo', 'Flows'],
      ['/instances/demo/resources/queues', 'Queues'],
      ['/instances/demo/resources/prompts', 'Prompts'],
      ['/instances/demo/resources/phone-numbers', 'Phone numbers'],
      ['/instances/demo/resources/hours-of-operation', 'Hours'],
      ['/instances/demo/resources/lambda-functions', 'Lambdas'],
      ['/instances/demo/resources/quick-connects', 'Quick connects'],
    ]);
    expect(html).toContain('<a href="/instances/demo" aria-current="page">Flows</a>');
  });

  it('marks the resource page shown', () => {
    expect(render('queues')).toContain(
      '<a href="/instances/demo/resources/queues" aria-current="page">Queues</a>',
    );
  });
});
