import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AfterContactWork } from './AfterContactWork.js';
import { contactIn, NOW } from './sample.js';

describe('AfterContactWork', () => {
  it('times the work since the call ended and offers Clear contact', () => {
    const html = renderToStaticMarkup(
      <AfterContactWork contact={contactIn('ENDED')} now={NOW} disabled={false} onClear={() => {}} />,
    );
    expect(html).toContain('After contact work <time>1:35</time>');
    expect(html).toContain('>Clear contact</button>');
  });
});
