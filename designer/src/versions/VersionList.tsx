import { formatWhen, type VersionRow } from './history.js';
import './versions.css';

export interface VersionListActions {
  /** Absent where nothing can navigate (the list then offers no Open). */
  onOpen?(version: number): void;
  onCompare(version: number): void;
  onRestore(version: number): void;
  onPublish(version: number): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A flow's versions, newest first: number, message, author, when, the validator's counts, which
 * one is published and which one the editor is on, each with what can be done with it.
 */
export function VersionList(
  props: VersionListActions & { rows: readonly VersionRow[]; now: number; busy: boolean },
) {
  const { rows, now, busy } = props;
  if (rows.length === 0) return <p className="hint">No version saved yet.</p>;
  return (
    <ol className="version-list" aria-label="Versions">
      {rows.map((v) => (
        <li
          key={v.version}
          data-version={v.version}
          data-published={v.published || undefined}
          data-current={v.current || undefined}
        >
          <div className="version-head">
            <strong>Version {v.version}</strong>
            {v.published && <span className="version-badge version-published">Published</span>}
            {v.current && <span className="version-badge version-current">In the editor</span>}
          </div>
          <div className="version-message">{v.message || <em>No message</em>}</div>
          <div className="version-meta">
            {v.author} ·{' '}
            <time dateTime={v.createdAt} title={v.createdAt}>
              {formatWhen(v.createdAt, now)}
            </time>
            {' · '}
            <span data-errors={v.errors > 0 || undefined}>{plural(v.errors, 'error')}</span>
            {' · '}
            {plural(v.warnings, 'warning')}
          </div>
          <div className="version-actions">
            {props.onOpen && (
              <button
                type="button"
                aria-label={`Open version ${v.version}`}
                onClick={() => props.onOpen?.(v.version)}
              >
                Open
              </button>
            )}
            <button
              type="button"
              aria-label={`Compare version ${v.version} with the draft`}
              onClick={() => props.onCompare(v.version)}
            >
              Compare
            </button>
            <button
              type="button"
              aria-label={`Restore version ${v.version}`}
              disabled={busy}
              onClick={() => props.onRestore(v.version)}
            >
              Restore
            </button>
            <button
              type="button"
              aria-label={`Publish version ${v.version}`}
              title={v.published ? 'Contacts already run this version' : undefined}
              disabled={busy || v.published}
              onClick={() => props.onPublish(v.version)}
            >
              Publish this version
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
