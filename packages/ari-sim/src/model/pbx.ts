import type { TimerHandle } from '@parley/ari';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import { substitute } from './dialplan.js';
import { requestHangup } from './hangup.js';
import { playFilesInDialplan } from './media-state.js';
import { enterStasis, splitAppArgs } from './stasis.js';
import { answerChannel, indicate } from './state.js';
import { readVar, writeVar } from './vars.js';

type Outcome =
  | { kind: 'next' }
  | { kind: 'goto'; context: string; exten: string; priority: number }
  | { kind: 'block' }
  | { kind: 'hangup'; cause: number; appUnload: boolean };

/**
 * A channel running the dialplan (pbx.c): each priority is announced with ChannelDialplan, then
 * its app runs. Apps that wait (Stasis, Wait, Playback) park the PBX until they return.
 */
export class Pbx {
  #running = false;
  #inApp = false;
  #done = false;
  #timer: TimerHandle | undefined;

  constructor(
    readonly core: Core,
    readonly chan: SimChannel,
  ) {}

  start(context: string, exten: string, priority: number): void {
    this.#running = true;
    this.#jump(context, exten, priority);
  }

  /** Continue after an app that parked the PBX; the location may have been moved (`/continue`). */
  resume(next?: { context: string; exten: string; priority: number }): void {
    if (this.#done || this.chan.hangingUp) return;
    this.#inApp = false;
    const at = next ?? { ...this.chan.dialplan, priority: this.chan.dialplan.priority + 1 };
    this.#jump(at.context, at.exten, at.priority);
  }

  /**
   * A hangup ended the app the PBX was in: pbx.c then soft-hangs-up with AST_SOFTHANGUP_APPUNLOAD,
   * published as `{cause: 16, soft: true}`. Not when Hangup() already did that itself.
   */
  endsWithAppUnload(): boolean {
    this.core.cancel(this.#timer);
    const unload = this.#running && this.#inApp && !this.#done;
    this.#done = true;
    return unload;
  }

  #jump(context: string, exten: string, priority: number): void {
    let at = { context, exten, priority };
    for (let guard = 0; guard < 1000 && !this.#done && !this.chan.hangingUp; guard++) {
      const step = this.core.dialplan.step(at.context, at.exten, at.priority);
      if (!step) {
        // Falling off the end of the extension: the PBX hangs the channel up (autofallthrough).
        this.#done = true;
        requestHangup(this.core, this.chan, 16, 'silent');
        return;
      }
      const data = substitute(step.data, (name) => readVar(this.core, this.chan, name));
      const dialplan = this.chan.dialplan;
      dialplan.context = at.context;
      dialplan.exten = at.exten;
      dialplan.priority = at.priority;
      dialplan.appName = step.app;
      dialplan.appData = data;
      this.core.publishChannel(this.chan, 'ChannelDialplan', {
        dialplan_app: step.app,
        dialplan_app_data: data,
      });
      this.#inApp = true;
      const outcome = this.#exec(step.app, data);
      if (outcome.kind === 'block') return;
      this.#inApp = false;
      if (outcome.kind === 'hangup') {
        if (outcome.appUnload)
          this.core.publishChannel(this.chan, 'ChannelHangupRequest', { cause: 16, soft: true });
        this.#done = true;
        requestHangup(this.core, this.chan, outcome.cause, 'silent');
        return;
      }
      at = outcome.kind === 'goto' ? outcome : { ...at, priority: at.priority + 1 };
    }
  }

  #exec(app: string, data: string): Outcome {
    const chan = this.chan;
    switch (app.toLowerCase()) {
      case 'noop':
      case 'verbose':
      case 'log':
        return { kind: 'next' };
      case 'answer':
        answerChannel(this.core, chan);
        return { kind: 'next' };
      case 'ringing':
        indicate(this.core, chan, 'ringing');
        return { kind: 'next' };
      case 'progress':
        indicate(this.core, chan, 'progress');
        return { kind: 'next' };
      case 'set': {
        const eq = data.indexOf('=');
        if (eq > 0) writeVar(this.core, chan, data.slice(0, eq), data.slice(eq + 1));
        return { kind: 'next' };
      }
      case 'wait':
        this.#timer = this.core.after(Math.max(0, Number(data) || 0) * 1000, () => this.resume());
        return { kind: 'block' };
      case 'playback':
        playFilesInDialplan(this.core, chan, data.split(',')[0]?.split('&') ?? [], () => this.resume());
        return { kind: 'block' };
      case 'goto':
        return this.#goto(data);
      case 'hangup':
        return { kind: 'hangup', cause: Number(data) || 16, appUnload: true };
      case 'stasis':
        return this.#stasis(data);
      default:
        // pbx_exec of an unknown application fails the priority and ends the call.
        return { kind: 'hangup', cause: 16, appUnload: true };
    }
  }

  #goto(data: string): Outcome {
    const parts = data.split(',');
    const here = this.chan.dialplan;
    const priorityText = parts.pop() ?? '1';
    const exten = parts.pop() ?? here.exten;
    const context = parts.pop() ?? here.context;
    const priority = Number(priorityText) || this.core.dialplan.findLabel(context, exten, priorityText) || 1;
    return { kind: 'goto', context, exten, priority };
  }

  #stasis(data: string): Outcome {
    const { app, args } = splitAppArgs(data);
    const entered = enterStasis(this.core, this.chan, app, args, {
      onExit: () => {
        const at = this.chan.continueAt;
        this.chan.continueAt = undefined;
        this.resume(at);
      },
    });
    return entered ? { kind: 'block' } : { kind: 'next' };
  }
}
