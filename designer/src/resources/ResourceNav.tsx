import type { MouseEvent } from 'react';
import { type Route, routePath } from '../app/route.js';

/** The instance's pages: its flows, and the resources a demo needs, by API path. */
export const RESOURCE_PAGES: readonly { path: string; label: string }[] = [
  { path: 'queues', label: 'Queues' },
  { path: 'prompts', label: 'Prompts' },
  { path: 'phone-numbers', label: 'Phone numbers' },
  { path: 'hours-of-operation', label: 'Hours' },
  { path: 'lambda-functions', label: 'Lambdas' },
  { path: 'quick-connects', label: 'Quick connects' },
];

/** Links (real ones, so they open in a new tab too) between the flows and the resource pages. */
export function ResourceNav(props: {
  instance: string;
  /** The resource page shown; undefined on the flows. */
  selected: string | undefined;
  navigate: (route: Route) => void;
}) {
  const { instance } = props;
  const link = (route: Route, label: string, current: boolean) => {
    const go = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      props.navigate(route);
    };
    return (
      <a href={routePath(route)} aria-current={current ? 'page' : undefined} onClick={go}>
        {label}
      </a>
    );
  };
  return (
    <nav className="resource-nav" aria-label="Instance">
      <span>{link({ instance }, 'Flows', props.selected === undefined)}</span>
      {RESOURCE_PAGES.map((p) => (
        <span key={p.path}>{link({ instance, resources: p.path }, p.label, props.selected === p.path)}</span>
      ))}
    </nav>
  );
}
