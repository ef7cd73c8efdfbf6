import type { SimChannel } from './channel.js';
import { StasisControl, type StasisExit } from './control.js';
import type { Core } from './core.js';
import { setVar } from './vars.js';

export interface EnterOptions {
  /** Created channels announce the Stasis app with ChannelDialplan; originated ;1 halves do not. */
  dialplanEvent?: boolean;
  onExit: (reason: StasisExit) => void;
}

/**
 * app_stasis: STASISSTATUS is cleared, then the channel enters the app, which subscribes to it
 * just before StasisStart. An app with no websocket fails at once (STASISSTATUS=FAILED).
 */
export function enterStasis(
  core: Core,
  chan: SimChannel,
  app: string,
  args: string[],
  options: EnterOptions,
): boolean {
  const savedApp = { appName: chan.dialplan.appName, appData: chan.dialplan.appData };
  chan.dialplan.appName = 'Stasis';
  chan.dialplan.appData = [app, ...args].join(',');
  if (options.dialplanEvent) {
    core.publishChannel(chan, 'ChannelDialplan', {
      dialplan_app: chan.dialplan.appName,
      dialplan_app_data: chan.dialplan.appData,
    });
  }
  setVar(core, chan, 'STASISSTATUS', '');
  if (!core.apps.isRegistered(app) || chan.hangingUp) {
    setVar(core, chan, 'STASISSTATUS', 'FAILED');
    return false;
  }
  if (!chan.pbx && !chan.savedApp) chan.savedApp = savedApp;
  chan.stasis = new StasisControl(app, args, savedApp, options.onExit);
  core.apps.subscribeChannel(app, chan.id);
  core.publishChannel(chan, 'StasisStart', { args }, app);
  return true;
}

/**
 * StasisEnd, then STASISSTATUS=SUCCESS for whoever still listens. A hangup is wound down by the
 * hangup path itself; `continue` hands the channel back to whoever ran Stasis().
 */
export function leaveStasis(core: Core, chan: SimChannel, reason: Exclude<StasisExit, 'move'>): void {
  const control = chan.stasis;
  if (!control) return;
  chan.stasis = undefined;
  control.queue.close();
  core.publishChannel(chan, 'StasisEnd', {}, control.app);
  core.apps.unsubscribeChannel(control.app, chan.id);
  setVar(core, chan, 'STASISSTATUS', 'SUCCESS');
  if (reason === 'continue') control.onExit(reason);
}

export function splitAppArgs(data: string): { app: string; args: string[] } {
  const [app = '', ...args] = data.split(',');
  return { app: app.trim(), args };
}

/**
 * `/move`: StasisEnd for the old app and StasisStart for the new one, keeping whoever ran Stasis()
 * waiting. An app without a websocket refuses: the old app gets ApplicationMoveFailed instead.
 */
export function moveStasis(core: Core, chan: SimChannel, app: string, args: string[]): void {
  const control = chan.stasis;
  if (!control) return;
  if (!core.apps.isRegistered(app)) {
    core.publishChannel(chan, 'ApplicationMoveFailed', { destination: app, args }, control.app);
    return;
  }
  control.queue.close();
  core.publishChannel(chan, 'StasisEnd', {}, control.app);
  core.apps.unsubscribeChannel(control.app, chan.id);
  chan.dialplan.appData = [app, ...args].join(',');
  chan.stasis = new StasisControl(app, args, control.savedApp, control.onExit);
  core.apps.subscribeChannel(app, chan.id);
  core.publishChannel(chan, 'StasisStart', { args }, app);
}
