import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createApi } from '../app/api.js';
import { FlowListActions } from './FlowListActions.js';

describe('FlowListActions', () => {
  it('offers importing a flow and exporting the instance', () => {
    const api = createApi('t', (async () => Response.json({})) as typeof fetch);
    const html = renderToStaticMarkup(
      <FlowListActions api={api} instance="demo" flows={[]} onImported={() => undefined} />,
    );
    expect(html).toContain('>Import flow</button>');
    expect(html).toContain('>Export instance</button>');
  });
});
