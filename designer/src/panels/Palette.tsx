import type { FlowType } from '@parley/flow';
import { type DragEvent, useMemo, useState } from 'react';
import { BLOCK_DRAG_TYPE } from '../editor/useCanvas.js';
import { type PaletteEntry, palette, searchPalette } from '../system/index.js';
import './panels.css';

/** The blocks of the catalog, grouped as Connect groups them: drag one onto the canvas, or click it. */
export function Palette(props: {
  flowType?: FlowType;
  onAdd: (type: string) => void;
  initialQuery?: string;
}) {
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const all = useMemo(() => palette(props.flowType), [props.flowType]);
  const groups = useMemo(() => searchPalette(all, query), [all, query]);
  return (
    <nav className="palette" aria-label="Blocks">
      <input
        type="search"
        aria-label="Search blocks"
        placeholder="Search blocks"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.map((g) => (
        <section key={g.group}>
          <h3>{g.group}</h3>
          <ul>
            {g.entries.map((e) => (
              <li key={e.type}>
                <PaletteItem entry={e} flowType={props.flowType} onAdd={props.onAdd} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 && <p className="hint">No block matches “{query}”.</p>}
    </nav>
  );
}

function PaletteItem({
  entry,
  flowType,
  onAdd,
}: {
  entry: PaletteEntry;
  flowType?: FlowType;
  onAdd: (type: string) => void;
}) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(BLOCK_DRAG_TYPE, entry.type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const notes = [
    entry.help,
    entry.allowed ? '' : `Not available in ${flowType} flows.`,
    entry.notProvided
      ? `Parley does not provide ${entry.notProvided}: here this block takes its error branch.`
      : '',
  ];
  return (
    <button
      type="button"
      className="palette-entry"
      data-group={entry.group}
      disabled={!entry.allowed}
      draggable={entry.allowed}
      onDragStart={onDragStart}
      onClick={() => onAdd(entry.type)}
      title={notes.filter(Boolean).join('\n')}
    >
      {entry.label}
      {entry.notProvided && <span className="palette-note"> · not in Parley</span>}
    </button>
  );
}
