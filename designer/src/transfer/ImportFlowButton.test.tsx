import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createApi } from '../app/api.js';
import { ImportFlowButton } from './ImportFlowButton.js';

describe('ImportFlowButton', () => {
  it('is a button, the dialog closed until it is clicked', () => {
    const api = createApi('t', (async () => Response.json({})) as typeof fetch);
    const html = renderToStaticMarkup(
      <ImportFlowButton api={api} instance="demo" flows={[]} onImported={() => undefined} />,
    );
    expect(html).toBe('<button type="button" class="import-flow">Import flow</button>');
  });
});
