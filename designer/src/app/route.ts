import { useCallback, useEffect, useState } from 'react';

/**
 * What the address bar selects: `/instances/<instance>/flows/<flow>`, either part optional, or a
 * resource page `/instances/<instance>/resources/<kind>` (the kind's API path: `queues`…).
 */
export interface Route {
  instance?: string;
  flow?: string;
  resources?: string;
  /** A saved version of the flow shown read-only (`…/flows/<flow>/versions/<n>`). */
  version?: number;
  /** With `version`: coloured by its changes since this one (`…/versions/<n>/compare/<m>`). */
  compare?: number;
  /** The agent panel of the instance (`/instances/<instance>/agent`). */
  agent?: true;
}

const positive = (part: string | undefined): number | undefined =>
  part !== undefined && /^[1-9]\d*$/.test(part) ? Number(part) : undefined;

/** `versions/<n>` and `versions/<n>/compare/<m>` after a flow; anything else is the flow itself. */
function versionOf(rest: readonly string[]): Pick<Route, 'version' | 'compare'> {
  const version = rest[0] === 'versions' ? positive(rest[1]) : undefined;
  if (version === undefined) return {};
  const compare = rest[2] === 'compare' ? positive(rest[3]) : undefined;
  return compare === undefined ? { version } : { version, compare };
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'instances' || !parts[1]) return {};
  if (parts[2] === 'resources' && parts[3]) return { instance: parts[1], resources: parts[3] };
  if (parts[2] === 'agent') return { instance: parts[1], agent: true };
  if (parts[2] !== 'flows' || !parts[3]) return { instance: parts[1] };
  return { instance: parts[1], flow: parts[3], ...versionOf(parts.slice(4)) };
}

export function routePath(route: Route): string {
  if (!route.instance) return '/';
  const instance = `/instances/${encodeURIComponent(route.instance)}`;
  if (route.resources) return `${instance}/resources/${encodeURIComponent(route.resources)}`;
  if (route.agent) return `${instance}/agent`;
  if (!route.flow) return instance;
  const flow = `${instance}/flows/${encodeURIComponent(route.flow)}`;
  if (route.version === undefined) return flow;
  const version = `${flow}/versions/${route.version}`;
  return route.compare === undefined ? version : `${version}/compare/${route.compare}`;
}

/** The route in the address bar; navigating pushes history, so back and forward work. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    history.pushState(null, '', routePath(next));
    setRoute(next);
  }, []);
  return [route, navigate];
}
