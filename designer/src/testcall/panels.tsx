import { useEffect, useMemo } from 'react';
import type { Api } from '../app/api.js';
import type { PanelContext, SidePanel } from '../editor/panels.js';
import { ReplayPanel } from '../replay/ReplayPanel.js';
import { useReplay } from '../replay/useReplay.js';
import { TestCallPanel } from './TestCallPanel.js';
import { useTestCall } from './useTestCall.js';

interface Props {
  api: Api;
  instance: string;
  flowId: string;
}

/**
 * The Test call and Replay tabs for the flow open in the editor. A test call that ends tells the
 * Replay tab, whose list of the flow's contacts then has it.
 */
export function useTestCallPanels(props: Props): SidePanel[] {
  const { api, instance, flowId } = props;
  const ended = useMemo(() => new EventTarget(), []);
  return useMemo(
    () => [
      {
        id: 'test-call',
        title: 'Test call',
        keepMounted: true,
        render: (context: PanelContext) => (
          <TestCallTab api={api} instance={instance} flowId={flowId} context={context} ended={ended} />
        ),
      },
      {
        id: 'replay',
        title: 'Replay',
        keepMounted: true,
        render: (context: PanelContext) => (
          <ReplayTab api={api} instance={instance} flowId={flowId} context={context} ended={ended} />
        ),
      },
    ],
    [api, instance, flowId, ended],
  );
}

type TabProps = Props & { context: PanelContext; ended: EventTarget };

export function TestCallTab(props: TabProps) {
  const controls = useTestCall(props.api, props.instance, props.flowId);
  const { state } = controls.view;
  useEffect(() => {
    if (state === 'ended') props.ended.dispatchEvent(new Event('ended'));
  }, [state, props.ended]);
  return <TestCallPanel context={props.context} controls={controls} />;
}

export function ReplayTab(props: TabProps) {
  const replay = useReplay(props.api, props.instance, props.flowId);
  const { refresh } = replay;
  useEffect(() => {
    props.ended.addEventListener('ended', refresh);
    return () => props.ended.removeEventListener('ended', refresh);
  }, [props.ended, refresh]);
  return <ReplayPanel context={props.context} replay={replay} />;
}
