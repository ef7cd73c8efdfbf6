import type { ReactNode } from 'react';

export interface SideTab {
  id: string;
  title: string;
}

/** The tabs over the editor's side column; the first is the selected block and the problems. */
export function SideTabs(props: {
  tabs: readonly SideTab[];
  selected: string;
  onSelect(id: string): void;
  children: ReactNode;
}) {
  if (props.tabs.length < 2) return <>{props.children}</>;
  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Side panels">
        {props.tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={t.id === props.selected}
            aria-controls="side-tab-panel"
            onClick={() => props.onSelect(t.id)}
          >
            {t.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="side-tab-panel" aria-labelledby={`side-tab-${props.selected}`}>
        {props.children}
      </div>
    </>
  );
}
