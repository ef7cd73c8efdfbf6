import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IncomingContact } from './IncomingContact.js';
import { contactIn, sampleAgent } from './sample.js';

describe('IncomingContact', () => {
  it('rings with the queue and the caller, pops the attributes and offers Accept and Reject', () => {
    const details = sampleAgent({ contact: 'INCOMING' }).contacts[0];
    const html = renderToStaticMarkup(
      <IncomingContact
        contact={contactIn('INCOMING')}
        details={details}
        disabled={false}
        onAccept={() => {}}
        onReject={() => {}}
      />,
    );
    expect(html).toContain('class="agent-ringing"');
    expect(html).toContain('Incoming call from Support · +15550100');
    expect(html).toContain('<dt>account</dt><dd>1234</dd>');
    expect(html).toContain('>Accept</button>');
    expect(html).toContain('>Reject</button>');
  });

  it('rings without details when the core gives none', () => {
    const html = renderToStaticMarkup(
      <IncomingContact
        contact={contactIn('INCOMING')}
        details={undefined}
        disabled
        onAccept={() => {}}
        onReject={() => {}}
      />,
    );
    expect(html).not.toContain('agent-attributes');
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });
});
