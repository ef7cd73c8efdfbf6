import { useEffect, useRef } from 'react';
import type { SearchHit } from '../system/search.js';
import './FindBar.css';

/** Hits listed at most; Enter and the arrows still go through all of them. */
export const LISTED = 100;

export interface FindBarProps {
  open: boolean;
  query: string;
  hits: readonly SearchHit[];
  /** The hit last moved to; -1 before the first. */
  index: number;
  /** Changes each time the box should take the focus (Mod+F). */
  focusKey: number;
  onQuery(query: string): void;
  onStep(delta: 1 | -1): void;
  onPick(index: number): void;
  onOpen(): void;
  onClose(): void;
  /** How the find shortcut reads on this platform, for the placeholder. */
  shortcut?: string;
}

/**
 * Finding blocks in the flow: a search box on the canvas; with a query, the count, previous/next
 * and the list of hits (where each matched). Enter and the arrows move from hit to hit, Escape closes.
 */
export function FindBar(props: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusKey > 0) input.current?.select();
  }, [props.focusKey]);
  const { hits, index, open } = props;
  const count =
    props.query.trim() === ''
      ? ''
      : hits.length === 0
        ? 'No blocks'
        : index < 0
          ? `${hits.length} block${hits.length === 1 ? '' : 's'}`
          : `${index + 1} of ${hits.length}`;

  return (
    <search className={open ? 'find-bar open' : 'find-bar'} aria-label="Find blocks">
      <div className="find-row">
        <input
          ref={input}
          type="search"
          aria-label="Find blocks"
          placeholder={`Find blocks${props.shortcut ? ` (${props.shortcut})` : ''}`}
          value={props.query}
          onFocus={props.onOpen}
          onChange={(e) => props.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              props.onStep(e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? -1 : 1);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              props.onClose();
              e.currentTarget.blur();
            }
          }}
        />
        {open && (
          <>
            <output className="find-count" aria-live="polite">
              {count}
            </output>
            <button
              type="button"
              aria-label="Previous match"
              disabled={hits.length === 0}
              onClick={() => props.onStep(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label="Next match"
              disabled={hits.length === 0}
              onClick={() => props.onStep(1)}
            >
              ↓
            </button>
            <button type="button" aria-label="Close find" onClick={props.onClose}>
              ×
            </button>
          </>
        )}
      </div>
      {open && hits.length > 0 && (
        <ol className="find-hits" aria-label="Matches">
          {hits.slice(0, LISTED).map((h, i) => (
            <li key={h.id} aria-current={i === index || undefined}>
              <button type="button" onClick={() => props.onPick(i)}>
                <span className="find-hit-label">{h.label}</span>
                <span className="find-hit-type">{h.blockType}</span>
                {h.fields[0] && (
                  <span className="find-hit-field">
                    {h.fields[0].where}: {h.fields[0].text}
                    {h.fields.length > 1 && ` (+${h.fields.length - 1})`}
                  </span>
                )}
              </button>
            </li>
          ))}
          {hits.length > LISTED && <li className="find-more">and {hits.length - LISTED} more</li>}
        </ol>
      )}
    </search>
  );
}
