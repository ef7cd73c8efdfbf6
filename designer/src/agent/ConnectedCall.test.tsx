import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectedCall } from './ConnectedCall.js';
import { contactIn, customer, dialling, me, NOW, otherAgent, sampleAgent, thirdParty } from './sample.js';
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

  it('says On hold while the agent’s contact is held: the customer on hold, or the agent', () => {
    expect(render('CONNECTED_ONHOLD', [{ ...customer, state: 'ON_HOLD' }, me])).toContain(
      'On hold <time>1:35</time>',
    );
    const held = render('CONNECTED_ONHOLD', [customer, { ...me, state: 'ON_HOLD' }, otherAgent]);
    expect(held).toContain('On hold <time>');
    expect(held).toContain('aria-label="Resume alice"');
  });

  it('with a third party offers Join, Swap, Hold all and Leave', () => {
    const html = render('CONNECTED', [{ ...customer, state: 'ON_HOLD' }, me, thirdParty]);
    for (const label of ['Join', 'Swap', 'Hold all', 'Leave']) expect(html).toContain(`>${label}</button>`);
    expect(html).not.toContain('End call');
  });

  it('offers Swap only on a call of exactly three, and Join and Hold all on any larger one', () => {
    const html = render('CONNECTED', [customer, me, thirdParty, otherAgent]);
    for (const label of ['Join', 'Hold all', 'Leave']) expect(html).toContain(`>${label}</button>`);
    expect(html).not.toContain('>Swap</button>');
  });

  it('while a party is being dialled Join and Swap wait, and the party can be cancelled', () => {
    const html = render('CONNECTED_ONHOLD', [{ ...customer, state: 'ON_HOLD' }, me, dialling]);
    expect(html).toContain('<button type="button" disabled="">Join</button>');
    expect(html).toContain('<button type="button" disabled="">Swap</button>');
    expect(html).toContain('<button type="button">Hold all</button>');
    expect(html).toContain('>Cancel</button>');
  });

  it('leaves out parties that have hung up', () => {
    const html = render('CONNECTED', [customer, me, { ...thirdParty, state: 'DISCONNECTED' }]);
    expect(html.match(/class="agent-participant"/g)).toHaveLength(2);
  });
});
