import type { DiffEntry, DiffEntryKind } from '../system/diff-overlay.js';
import './versions.css';

const VERBS: Readonly<Record<DiffEntryKind, string>> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  renamed: 'Renamed',
  rewired: 'Rewired',
  flow: 'Flow',
};

/** What the colours on the canvas mean. */
export function DiffLegend() {
  return (
    <ul className="diff-legend" aria-label="Legend">
      <li data-mark="added">Block added</li>
      <li data-mark="changed">Block changed or renamed</li>
      <li data-mark="removed">Block removed (ghost)</li>
      <li data-edge="added">Branch added</li>
      <li data-edge="rewired">Branch rewired</li>
      <li data-edge="removed">Branch removed (its old path)</li>
    </ul>
  );
}

/**
 * The changes between two versions, one per block, beside the coloured canvas: a change to a block
 * is a button that brings the block into view. The way out of the comparison is always here.
 */
export function DiffSummary(props: {
  /** What is compared: "Version 2 → draft". */
  title: string;
  entries: readonly DiffEntry[];
  identical: boolean;
  onFocus(blockId: string): void;
  onClose(): void;
}) {
  return (
    <section className="diff-summary" aria-label="Changes">
      <header>
        <h3>{props.title}</h3>
        <button type="button" onClick={props.onClose}>
          Stop comparing
        </button>
      </header>
      {props.identical ? (
        <p className="hint">No changes but layout.</p>
      ) : (
        <ul className="diff-entries">
          {props.entries.map((e) => {
            const body = (
              <>
                <span className="diff-kind">{VERBS[e.kind]}</span> {e.block ?? 'the flow'}
                {e.details.map((d) => (
                  <span key={d} className="diff-detail">
                    {d}
                  </span>
                ))}
              </>
            );
            return (
              <li key={`${e.kind} ${e.blockId ?? ''}`} data-kind={e.kind}>
                {e.blockId === undefined ? (
                  body
                ) : (
                  <button type="button" onClick={() => e.blockId !== undefined && props.onFocus(e.blockId)}>
                    {body}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <DiffLegend />
    </section>
  );
}
