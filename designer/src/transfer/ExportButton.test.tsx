import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createApi } from '../app/api.js';
import { DownloadButton, ExportBundleButton, ExportButton } from './ExportButton.js';

const api = createApi('t', (async () => Response.json({})) as typeof fetch);

describe('ExportButton', () => {
  it('is a button that says what it downloads', () => {
    const html = renderToStaticMarkup(<ExportButton api={api} instance="demo" flow="f-1" />);
    expect(html).toContain('>Export</button>');
    expect(html).toContain('latest saved version as Connect flow JSON');
  });

  it('exports the instance as a bundle', () => {
    expect(renderToStaticMarkup(<ExportBundleButton api={api} instance="demo" />)).toContain(
      '>Export instance</button>',
    );
  });

  it('shows no error before a click', () => {
    const html = renderToStaticMarkup(
      <DownloadButton label="Get" fetch={async () => ({ fileName: 'a.json', text: '{}' })} />,
    );
    expect(html).not.toContain('role="alert"');
  });
});
