import { useEffect, useMemo } from 'react';
import { AgentPage } from '../agent/AgentPage.js';
import { ResourceNav } from '../resources/ResourceNav.js';
import { ResourcePage } from '../resources/ResourcePage.js';
import { emptyFlowDocument } from '../system/index.js';
import { FlowListActions } from '../transfer/FlowListActions.js';
import { VersionView } from '../versions/VersionView.js';
import { type Api, ApiError, createApi } from './api.js';
import { FlowCanvas } from './FlowCanvas.js';
import { FlowList } from './FlowList.js';
import { useAsync, useToken } from './hooks.js';
import { InstancePicker } from './InstancePicker.js';
import { NewFlowForm } from './NewFlowForm.js';
import { type Route, routePath, useRoute } from './route.js';
import { TokenForm } from './TokenForm.js';
import { useFlows } from './useFlows.js';

export function App() {
  const [token, setToken] = useToken();
  if (!token) return <TokenForm onToken={setToken} />;
  return <Workspace token={token} setToken={setToken} />;
}

function Workspace({ token, setToken }: { token: string; setToken: (token: string | null) => void }) {
  const api = useMemo(() => createApi(token), [token]);
  const [route, navigate] = useRoute();
  const instances = useAsync(() => api.instances(), token);
  const only = instances.state === 'done' && instances.value.length === 1 ? instances.value[0] : undefined;
  useEffect(() => {
    if (only && !route.instance) navigate({ instance: only.alias });
  }, [only, route.instance, navigate]);

  if (instances.state === 'failed' && instances.error instanceof ApiError && instances.error.status === 401)
    return (
      <TokenForm onToken={setToken} error={`The server refused this token: ${instances.error.message}`} />
    );
  return (
    <div className="workspace">
      <header>
        <strong>Parley designer</strong>
        {instances.state === 'done' && (
          <InstancePicker
            instances={instances.value}
            selected={route.instance}
            onSelect={(instance) => navigate({ instance })}
          />
        )}
        {instances.state === 'failed' && !route.agent && (
          <span className="error">{instances.error.message}</span>
        )}
        {route.instance && !route.agent && (
          <a
            className="agent-link"
            href={routePath({ instance: route.instance, agent: true })}
            onClick={(e) => {
              e.preventDefault();
              if (route.instance) navigate({ instance: route.instance, agent: true });
            }}
          >
            Agent panel
          </a>
        )}
        <button type="button" className="sign-out" onClick={() => setToken(null)}>
          Sign out
        </button>
      </header>
      {route.instance && route.agent ? (
        <AgentPage api={api} instance={route.instance} apiFor={createApi} />
      ) : route.instance ? (
        <InstanceView api={api} route={{ ...route, instance: route.instance }} navigate={navigate} />
      ) : (
        <p className="hint">Choose an instance.</p>
      )}
    </div>
  );
}

function InstanceView(props: {
  api: Api;
  route: Route & { instance: string };
  navigate: (r: Route) => void;
}) {
  const { api, route, navigate } = props;
  const { flows, refresh } = useFlows(api, route.instance);
  const create = async (name: string, type: string) => {
    const content = emptyFlowDocument(type);
    const flow = await api.createFlow(route.instance, { name, type, content, message: 'New flow' });
    refresh();
    navigate({ instance: route.instance, flow: flow.id });
  };
  return (
    <div className="instance">
      <aside>
        <ResourceNav instance={route.instance} selected={route.resources} navigate={navigate} />
        <NewFlowForm onCreate={create} />
        <FlowListActions
          api={api}
          instance={route.instance}
          flows={flows.state === 'done' ? flows.value : []}
          onImported={(flow) => {
            refresh();
            navigate({ instance: route.instance, flow });
          }}
        />
        {flows.state === 'loading' && <p className="hint">Loading flows…</p>}
        {flows.state === 'failed' && <p className="error">{flows.error.message}</p>}
        {flows.state === 'done' && (
          <FlowList
            flows={flows.value}
            selected={route.flow}
            onOpen={(flow) => navigate({ instance: route.instance, flow })}
          />
        )}
      </aside>
      <main>
        {route.resources ? (
          <ResourcePage key={route.resources} api={api} instance={route.instance} path={route.resources} />
        ) : route.flow && route.version !== undefined ? (
          <VersionView
            key={`${route.flow}\n${route.version}\n${route.compare ?? ''}`}
            api={api}
            instance={route.instance}
            flow={route.flow}
            version={route.version}
            compare={route.compare}
            navigate={navigate}
            onChange={refresh}
          />
        ) : route.flow ? (
          <FlowCanvas
            api={api}
            instance={route.instance}
            flow={route.flow}
            onChange={refresh}
            navigate={navigate}
          />
        ) : (
          <p className="hint">Open a flow.</p>
        )}
      </main>
    </div>
  );
}
