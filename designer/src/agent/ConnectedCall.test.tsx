import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectedCall } from './ConnectedCall.js';
import { contactIn, customer, me, NOW, sampleAgent, thirdParty } from './sample.js';
import type { ContactState, Participant } from './types.js';

const render = (state: ContactState, participants?: Participant[]) =>
  renderToStaticMarkup(
    <ConnectedCall
      contact={contactIn(state)}
      details={sampleAgent({ contact: state, ...(participants ? { participants } : {}) }).contacts[0]}
      now={NOW}
      disabled={false}
      onParticipant={() => {}}
      onConference={() => {}}
      onSwap={() => {}}
      onHoldAll={() => {}}
    />,
  );

describe('ConnectedCall', () => {
  it('shows the call’s time, its parties and End call, with the attributes', () => {
    const html = render('CONNECTED');
    expect(html).toContain('Connected <time>1:35</time>');
    expect(html.match(/class="agent-participant"/g)).toHaveLength(2);
    expect(html).toContain('>End call</button>');
    expect(html).not.toContain('>Join</button>');
    expect(html).toContain('<dt>account</dt>');
  });

  it('says the customer is on hold', () => {
    expect(render('CONNECTED_ONHOLD', [{ ...customer, state: 'ON_HOLD' }, me])).toContain('Customer on hold');
  });

  it('with a third party offers Join, Swap, Hold all and Leave', () => {
    const html = render('CONNECTED', [{ ...customer, state: 'ON_HOLD' }, me, thirdParty]);
    for (const label of ['Join', 'Swap', 'Hold all', 'Leave']) expect(html).toContain(`>${label}</button>`);
    expect(html).not.toContain('End call');
  });

  it('leaves out parties that have hung up', () => {
    const html = render('CONNECTED', [customer, me, { ...thirdParty, state: 'DISCONNECTED' }]);
    expect(html.match(/class="agent-participant"/g)).toHaveLength(2);
  });
});
