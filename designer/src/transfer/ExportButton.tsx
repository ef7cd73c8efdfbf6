import { useState } from 'react';
import type { Api } from '../app/api.js';
import { saveDownload } from './download.js';
import { type Download, exportBundle, exportFlow } from './transferApi.js';
import './transfer.css';

/**
 * Downloads a file the server makes (a flow's export, the instance bundle); a refusal is shown
 * beside the button with its code.
 */
export function DownloadButton(props: { label: string; title?: string; fetch: () => Promise<Download> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const click = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveDownload(await props.fetch());
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      setError(`${typeof code === 'string' ? `${code}: ` : ''}${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="download-button">
      <button type="button" disabled={busy} title={props.title} onClick={() => void click()}>
        {busy ? `${props.label}…` : props.label}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/**
 * The open flow's latest saved version as Connect imports it, named `<flow name>.json`. Asked for
 * by number: the route's own default is the published version, which may be older than the one open.
 */
export function ExportButton(props: { api: Api; instance: string; flow: string }) {
  const { api, instance, flow } = props;
  return (
    <DownloadButton
      label="Export"
      title="Download the latest saved version as Connect flow JSON (unsaved changes are not in it)"
      fetch={async () => {
        const summary = await api.flow(instance, flow);
        return exportFlow(api, instance, summary, summary.latestVersion || undefined);
      }}
    />
  );
}

/** The whole instance (resources, prompt audio, flows) as one instance bundle file. */
export function ExportBundleButton(props: { api: Api; instance: string }) {
  return (
    <DownloadButton
      label="Export instance"
      title="Download every resource and flow of the instance as an instance bundle"
      fetch={() => exportBundle(props.api, props.instance)}
    />
  );
}
