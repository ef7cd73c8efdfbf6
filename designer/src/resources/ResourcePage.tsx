import { Fragment, useState } from 'react';
import type { Api } from '../app/api.js';
import type { ResourceEntry } from '../inspector/resources.js';
import { ProblemLine } from '../transfer/ImportDialog.js';
import { columnsOf } from './columns.js';
import type { Draft } from './draft.js';
import { ResourceForm } from './ResourceForm.js';
import { type ResourcePageData, useResourcePage } from './useResourcePage.js';
import './resources.css';

/** `/instances/<i>/resources/<path>`: the instance's resources of one kind, to create, edit and delete. */
export function ResourcePage(props: { api: Api; instance: string; path: string }) {
  const state = useResourcePage(props.api, props.instance, props.path);
  const { page } = state;
  if (page.state === 'loading') return <p className="hint">Loading…</p>;
  if (page.state === 'failed') return <ProblemLine error={page.error} />;
  return <ResourceTable data={page.value} save={state.save} remove={state.remove} />;
}

/** The table and its forms, as a function of the loaded page (rendered by tests without a server). */
export function ResourceTable(props: {
  data: ResourcePageData;
  save: (draft: Draft, entry?: ResourceEntry) => Promise<void>;
  remove: (entry: ResourceEntry) => Promise<void>;
}) {
  const { type, model, entries, refs } = props.data;
  const [editing, setEditing] = useState<string | 'new'>();
  const [deleting, setDeleting] = useState<string>();
  const [problem, setProblem] = useState<Error>();
  const columns = columnsOf(model, refs);
  const one = type.title.toLowerCase();
  const remove = async (entry: ResourceEntry) => {
    setProblem(undefined);
    try {
      await props.remove(entry);
    } catch (e) {
      setProblem(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setDeleting(undefined);
    }
  };
  const form = (entry?: ResourceEntry) => (
    <ResourceForm
      title={entry ? `Edit ${entry.name}` : `New ${one}`}
      model={model}
      refs={refs}
      {...(entry ? { entry } : {})}
      onSubmit={async (draft) => {
        await props.save(draft, entry);
        setEditing(undefined);
      }}
      onCancel={() => setEditing(undefined)}
    />
  );
  return (
    <section className="resource-page" aria-label={type.title}>
      <header>
        <h2>{type.title}</h2>
        <button type="button" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          New {one}
        </button>
      </header>
      {editing === 'new' && form()}
      {problem && <ProblemLine error={problem} />}
      {entries.length === 0 ? (
        <p className="hint">This instance has no {one} yet.</p>
      ) : (
        <table className="resource-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <Fragment key={entry.id}>
                <tr data-id={entry.id}>
                  <th scope="row" title={entry.arn}>
                    {entry.name}
                  </th>
                  {columns.map((c) => (
                    <td key={c.key}>{c.cell(entry)}</td>
                  ))}
                  <td className="resource-actions">
                    <button
                      type="button"
                      onClick={() => setEditing(entry.id)}
                      aria-label={`Edit ${entry.name}`}
                    >
                      Edit
                    </button>
                    {deleting === entry.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void remove(entry)}>
                          Delete {entry.name}?
                        </button>
                        <button type="button" onClick={() => setDeleting(undefined)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        onClick={() => setDeleting(entry.id)}
                        aria-label={`Delete ${entry.name}`}
                      >
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
                {editing === entry.id && (
                  <tr className="resource-editing">
                    <td colSpan={columns.length + 2}>{form(entry)}</td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
