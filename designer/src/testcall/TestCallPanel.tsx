import { useState } from 'react';
import type { PanelContext } from '../editor/panels.js';
import { DiagnosticList } from '../panels/Problems.js';
import { AttributesTable, LogList } from './CallDetails.js';
import { Keypad } from './Keypad.js';
import { type CallView, duration, isLive, pathOf, type TranscriptLine } from './messages.js';
import { usePathOverlay } from './overlay.js';
import { SayBox } from './SayBox.js';
import type { TestCallControls } from './useTestCall.js';
import './testcall.css';

function status(view: CallView): string {
  switch (view.state) {
    case 'idle':
      return view.error ? 'Not called' : 'No call yet';
    case 'placing':
      return 'Placing the call…';
    case 'ringing':
      return 'Ringing…';
    case 'in-call':
      return 'In call';
    case 'ended':
      return `Ended${view.reason ? ` (${view.reason})` : ''}${view.durationMs === undefined ? '' : ` after ${duration(view.durationMs)}`}`;
  }
}

/**
 * Calls the draft in the editor, unsaved edits included, and shows the call as it goes: what the
 * caller hears (text and audio), a keypad and a box to speak to bots, the contact's attributes and
 * the flow log; the path lights up on the canvas.
 */
export function TestCallPanel(props: { context: PanelContext; controls: TestCallControls }) {
  const { context, controls } = props;
  const { view } = controls;
  const [from, setFrom] = useState('');
  const live = isLive(view.state);
  usePathOverlay(context, view.state === 'idle' ? undefined : pathOf(view), { label: 'Test call', live });
  const lastAudio = view.transcript.findLast((l) => l.kind === 'prompt' && l.audio !== undefined);
  const audio =
    lastAudio?.kind === 'prompt' && lastAudio.audio ? controls.audio.get(lastAudio.audio) : undefined;
  if (!controls.available) return <p className="hint">Test calls need the Parley server.</p>;
  return (
    <section className="testcall" aria-label="Test call">
      <div className="testcall-bar">
        <label>
          Caller number{' '}
          <input
            value={from}
            placeholder="+15550100999"
            onChange={(e) => setFrom(e.target.value)}
            disabled={live}
            inputMode="tel"
          />
        </label>
        {live ? (
          <button type="button" onClick={controls.hangup} disabled={view.state === 'placing'}>
            Hang up
          </button>
        ) : (
          <button
            type="button"
            onClick={() => controls.call({ content: context.content(), flowType: context.flowType, from })}
          >
            Call
          </button>
        )}
        {view.state === 'ended' && (
          <button
            type="button"
            onClick={() => {
              controls.clear();
              context.setOverlay(undefined);
            }}
          >
            Clear
          </button>
        )}
      </div>
      <p className="testcall-status" role="status" data-state={view.state}>
        {status(view)}
      </p>
      {view.error && (
        <div className="error" role="alert">
          <p>{view.error}</p>
          {view.problems && view.problems.length > 0 && (
            <DiagnosticList
              diagnostics={view.problems}
              labels={context.labels}
              onSelect={context.focusBlock}
            />
          )}
        </div>
      )}
      <h3>Transcript</h3>
      <Transcript lines={view.transcript} labels={context.labels} />
      {audio && (
        // A new prompt is a new element, so it starts playing as it arrives.
        // biome-ignore lint/a11y/useMediaCaption: prompts are spoken text, shown above as the transcript
        <audio key={audio} src={audio} controls autoPlay aria-label="Prompt audio" />
      )}
      <Keypad disabled={view.state !== 'in-call'} onPress={controls.dtmf} />
      <SayBox disabled={view.state !== 'in-call'} onSay={controls.say} />
      <div className="testcall-columns">
        <section aria-label="Attributes">
          <h3>Attributes</h3>
          <AttributesTable attributes={view.attributes} />
        </section>
        <section>
          <h3>Flow logs</h3>
          <LogList entries={view.logs} labels={context.labels} onSelect={(_, id) => context.focusBlock(id)} />
        </section>
      </div>
    </section>
  );
}

function Transcript(props: { lines: readonly TranscriptLine[]; labels: ReadonlyMap<string, string> }) {
  if (props.lines.length === 0) return <p className="hint">Nothing said yet.</p>;
  return (
    <ol className="testcall-transcript" aria-label="Transcript">
      {props.lines.map((line, i) => (
        // The transcript only grows; a line's place is its identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i} data-kind={line.kind}>
          {line.kind === 'prompt' ? (
            <>
              <span className="testcall-who">{props.labels.get(line.identifier) ?? line.identifier}:</span>{' '}
              {line.text}
              {line.ssml && <code className="testcall-ssml">{line.ssml}</code>}
            </>
          ) : line.kind === 'caller' ? (
            <em>{line.text}</em>
          ) : (
            <span className="hint">{line.text}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
