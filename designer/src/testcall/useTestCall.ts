import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { type Api, ApiError } from '../app/api.js';
import { type CallView, IDLE, isLive, reduceCall, type TestCallMessage } from './messages.js';

export interface TestCallControls {
  view: CallView;
  /** Calls the draft (its text as the editor would save it). */
  call(input: { content: string; flowType: string; from: string }): void;
  dtmf(digits: string): void;
  say(text: string): void;
  hangup(): void;
  /** Forgets the ended call (the panel also clears its path from the canvas). */
  clear(): void;
  /** Playable URLs of the prompts' audio, by the API path the prompt message named. */
  audio: ReadonlyMap<string, string>;
  /** Can test calls be followed here at all (the API gives sockets)? */
  available: boolean;
}

/**
 * One test call at a time for the flow open in the editor: placed through the API, followed over
 * its socket, driven by keys and words. Closing the socket (leaving the page) hangs the call up.
 */
export function useTestCall(api: Api, instance: string, flowId: string | undefined): TestCallControls {
  const [view, dispatch] = useReducer(reduceCall, IDLE);
  const [audio, setAudio] = useState<ReadonlyMap<string, string>>(new Map());
  const socket = useRef<WebSocket | undefined>(undefined);
  const base = `/api/instances/${encodeURIComponent(instance)}/test-calls`;
  const callId = useRef<string | undefined>(undefined);

  const fetchAudio = useCallback(
    async (path: string) => {
      const blob = await (await api.send('GET', path)).blob();
      setAudio((m) => new Map(m).set(path, URL.createObjectURL(blob)));
    },
    [api],
  );

  const follow = useCallback(
    (id: string) => {
      const ws = api.socket?.(`${base}/${encodeURIComponent(id)}/events`);
      if (!ws) return;
      socket.current = ws;
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as TestCallMessage;
        dispatch({ kind: 'message', message });
        if (message.type === 'prompt' && message.audio) void fetchAudio(message.audio).catch(() => undefined);
        if (message.type === 'state' && message.state === 'ended') ws.close();
      };
      ws.onclose = () => {
        if (socket.current === ws) socket.current = undefined;
        dispatch({ kind: 'lost' });
      };
    },
    [api, base, fetchAudio],
  );

  const call = useCallback<TestCallControls['call']>(
    ({ content, flowType, from }) => {
      socket.current?.close();
      setAudio((m) => {
        for (const url of m.values()) URL.revokeObjectURL(url);
        return new Map();
      });
      dispatch({ kind: 'placing' });
      const body = { content, flowType, ...(flowId ? { flowId } : {}), ...(from.trim() ? { from } : {}) };
      api
        .send('POST', base, body)
        .then((res) => res.json() as Promise<{ id: string; flowArn: string }>)
        .then(
          (placed) => {
            callId.current = placed.id;
            dispatch({ kind: 'placed', id: placed.id, flowArn: placed.flowArn });
            follow(placed.id);
          },
          (e: unknown) =>
            dispatch({
              kind: 'refused',
              error: e instanceof Error ? e.message : String(e),
              problems: e instanceof ApiError ? (e.body.diagnostics ?? []) : [],
            }),
        );
    },
    [api, base, flowId, follow],
  );

  const post = useCallback(
    (what: 'dtmf' | 'speech', body: object) => {
      const id = callId.current;
      if (id) void api.send('POST', `${base}/${encodeURIComponent(id)}/${what}`, body).catch(() => undefined);
    },
    [api, base],
  );

  useEffect(() => () => socket.current?.close(), []);

  return {
    view,
    call,
    dtmf: (digits) => {
      dispatch({ kind: 'caller', text: `Pressed ${digits}` });
      post('dtmf', { digits });
    },
    say: (text) => {
      dispatch({ kind: 'caller', text: `Said “${text}”` });
      post('speech', { text });
    },
    hangup: () => {
      const id = callId.current;
      if (id && isLive(view.state))
        void api.send('DELETE', `${base}/${encodeURIComponent(id)}`).catch(() => undefined);
    },
    clear: () => dispatch({ kind: 'clear' }),
    audio,
    available: api.socket !== undefined,
  };
}
