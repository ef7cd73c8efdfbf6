import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Api, createApi } from '../app/api.js';
import { fakeFetch } from '../app/test-fetch.js';
import { type TestCallControls, useTestCall } from './useTestCall.js';

const BASE = '/api/instances/demo/test-calls';
const CALL = `${BASE}/call%201`;

// Rendering to markup runs the hook once and no effects; the controls it gave are driven by hand.
// State updates after that render go nowhere, so these tests read the requests, not the view.
function Probe(props: { api: Api; hosted: (controls: TestCallControls) => void }) {
  props.hosted(useTestCall(props.api, 'demo', 'flow-1'));
  return null;
}

function controlsOf(api: Api): TestCallControls {
  let controls: TestCallControls | undefined;
  renderToStaticMarkup(<Probe api={api} hosted={(c) => (controls = c)} />);
  if (!controls) throw new Error('the hook should have run');
  return controls;
}

/** An API that places call "call 1"; `following` settles when the hook opens the call's socket. */
function callApi() {
  const { impl, calls } = fakeFetch({
    [`POST ${BASE}`]: () => Response.json({ id: 'call 1', flowArn: 'arn:flow' }, { status: 201 }),
    [`POST ${CALL}/speech`]: () => new Response(null, { status: 204 }),
  });
  let followed: (path: string) => void = () => undefined;
  const following = new Promise<string>((resolve) => {
    followed = resolve;
  });
  const api: Api = {
    ...createApi('t', impl),
    socket: (path) => {
      followed(path);
      return { close() {} } as unknown as WebSocket;
    },
  };
  return { api, calls, following };
}

const sent = (calls: ReturnType<typeof callApi>['calls']) =>
  calls.map((c) => [c.init?.method ?? 'GET', c.path, c.init?.body && JSON.parse(String(c.init.body))]);

describe('useTestCall', () => {
  it('sends what the caller says to the call it placed, as speech', async () => {
    const { api, calls, following } = callApi();
    const controls = controlsOf(api);
    controls.call({ content: '{"Version":"2019-10-30"}', flowType: 'CONTACT_FLOW', from: '' });
    expect(await following).toBe(`${CALL}/events`);
    controls.say('I want to pay my bill');
    expect(sent(calls)).toEqual([
      ['POST', BASE, { content: '{"Version":"2019-10-30"}', flowType: 'CONTACT_FLOW', flowId: 'flow-1' }],
      ['POST', `${CALL}/speech`, { text: 'I want to pay my bill' }],
    ]);
  });

  it('sends no speech before a call is placed', () => {
    const { api, calls } = callApi();
    controlsOf(api).say('hello');
    expect(calls).toEqual([]);
  });
});
