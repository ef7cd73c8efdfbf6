import type { PanelContext } from '../editor/panels.js';
import { EntryDetails, LogList } from '../testcall/CallDetails.js';
import { usePathOverlay } from '../testcall/overlay.js';
import { blockAt, contactLabel, pathUpTo } from './replay.js';
import type { ReplayControls } from './useReplay.js';
import '../testcall/testcall.css';

/**
 * Steps through a past contact of this flow: its flow-log entries one at a time (or played), each
 * shown in full, with the path up to it on the canvas and its block as the one running.
 */
export function ReplayPanel(props: { context: PanelContext; replay: ReplayControls }) {
  const { context, replay } = props;
  const { entries, index } = replay;
  const entry = entries[index];
  const loaded = replay.contactId !== undefined && entries.length > 0;
  usePathOverlay(context, loaded ? pathUpTo(entries, index, replay.flowArn) : undefined, {
    label: 'Replay',
    live: false,
    running: loaded ? blockAt(entries, index, replay.flowArn) : undefined,
  });
  const go = (i: number) => {
    replay.go(i);
    const block = blockAt(entries, i, replay.flowArn);
    if (block) context.focusBlock(block);
  };
  return (
    <section className="replay" aria-label="Replay">
      <div className="replay-controls">
        <label>
          Contact{' '}
          <select
            value={replay.contactId ?? ''}
            onChange={(e) => e.target.value && replay.pick(e.target.value)}
          >
            <option value="">
              {replay.contacts.length === 0 ? 'No contact of this flow yet' : 'Pick a contact…'}
            </option>
            {replay.contacts.map((c) => (
              <option key={c.contactId} value={c.contactId}>
                {contactLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={replay.refresh}>
          Refresh
        </button>
      </div>
      {replay.error && (
        <p className="error" role="alert">
          {replay.error}
        </p>
      )}
      {replay.contactId !== undefined && entries.length === 0 && <p className="hint">No flow-log entry.</p>}
      {loaded && (
        <>
          <div className="replay-controls">
            <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
              Previous
            </button>
            <button type="button" onClick={() => replay.setPlaying(!replay.playing)}>
              {replay.playing ? 'Pause' : 'Play'}
            </button>
            <button type="button" onClick={() => go(index + 1)} disabled={index >= entries.length - 1}>
              Next
            </button>
            <input
              type="range"
              aria-label="Step"
              min={0}
              max={entries.length - 1}
              value={index}
              onChange={(e) => go(Number(e.target.value))}
            />
            <span className="replay-position" role="status">
              Step {index + 1} of {entries.length}
            </span>
          </div>
          {entry && <EntryDetails entry={entry} labels={context.labels} />}
          <h3>Flow logs</h3>
          <LogList entries={entries} labels={context.labels} current={index} onSelect={(i) => go(i)} />
        </>
      )}
    </section>
  );
}
