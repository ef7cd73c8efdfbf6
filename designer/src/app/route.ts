import { useCallback, useEffect, useState } from 'react';

/**
 * What the address bar selects: `/instances/<instance>/flows/<flow>`, either part optional, or a
 * resource page `/instances/<instance>/resources/<kind>` (the kind's API path: `queues`…).
 */
export interface Route {
  instance?: string;
  flow?: string;
  resources?: string;
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'instances' || !parts[1]) return {};
  if (parts[2] === 'resources' && parts[3]) return { instance: parts[1], resources: parts[3] };
  if (parts[2] !== 'flows' || !parts[3]) return { instance: parts[1] };
  return { instance: parts[1], flow: parts[3] };
}

export function routePath(route: Route): string {
  if (!route.instance) return '/';
  const instance = `/instances/${encodeURIComponent(route.instance)}`;
  if (route.resources) return `${instance}/resources/${encodeURIComponent(route.resources)}`;
  return route.flow ? `${instance}/flows/${encodeURIComponent(route.flow)}` : instance;
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
