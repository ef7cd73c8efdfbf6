import type { Channel } from '@parley/ari';
import type { SimBridge } from './bridge.js';
import type { StasisControl } from './control.js';
import type { DialState } from './dial.js';
import type { ChannelMedia } from './media-state.js';
import type { Pbx } from './pbx.js';

export interface CallerIdent {
  name: string;
  number: string;
}

export type ChannelTech = 'Local' | 'Snoop' | 'Announcer' | 'Recorder';

export interface DialplanLocation {
  context: string;
  exten: string;
  priority: number;
  appName: string;
  appData: string;
}

/** What `addChannel` asked for; kept while the channel is in a bridge. */
export interface BridgeMembership {
  bridge: SimBridge;
  role: string;
  absorbDtmf: boolean;
  mute: boolean;
  inhibitColp: boolean;
}

/** One Asterisk channel. State lives here; behaviour lives in the modules that change it. */
export class SimChannel {
  state: string = 'Down';
  caller: CallerIdent = { name: '', number: '' };
  connected: CallerIdent = { name: '', number: '' };
  dialplan: DialplanLocation;
  language = 'en';
  readonly vars = new Map<string, string>();
  /** Local pair: the other half and which half this is. */
  peer: SimChannel | undefined;
  half: 1 | 2 | undefined;
  /** Local `/m`: pass HOLD through instead of playing MOH locally. */
  mohPassthrough = false;
  stasis: StasisControl | undefined;
  /** A non-PBX channel's dialplan app before it first entered Stasis, shown again when destroyed. */
  savedApp: { appName: string; appData: string } | undefined;
  pbx: Pbx | undefined;
  /** Where `/continue` sends the channel when it leaves Stasis. */
  continueAt: { context: string; exten: string; priority: number } | undefined;
  dial: DialState | undefined;
  membership: BridgeMembership | undefined;
  readonly media: ChannelMedia;
  /** `createdAt` as every snapshot of the channel writes it: made once, not per event. */
  readonly creationTime: string;
  hangupCause = 16;
  hangingUp = false;
  destroyed = false;
  /** Internal channels (announcer, recorder) never appear in listings or events. */
  internal = false;
  /** Created with `POST /channels/create` and not dialled yet: only then may `/dial` run. */
  dialString: string | undefined;
  /** A `/dial` happened: 22.10.1 then refuses channel recording (issue #2044). */
  dialed = false;
  /** Caller ID a Local peer's connected-line update set; Asterisk publishes it only at hangup. */
  pendingCaller: CallerIdent | undefined;
  /** The caller id last published in a ChannelCallerId event. */
  publishedCaller: CallerIdent = { name: '', number: '' };
  muted = { in: false, out: false };
  /** A Snoop channel's snooped channel. */
  snoopTarget: SimChannel | undefined;
  /**
   * The Snoop channels on this one, so its hangup ends them without a scan of every channel; made
   * with the first snoop, as most channels never have one.
   */
  snoops: Set<SimChannel> | undefined;

  constructor(
    readonly id: string,
    public name: string,
    readonly tech: ChannelTech,
    readonly createdAt: number,
    location: Omit<DialplanLocation, 'appName' | 'appData'>,
    media: ChannelMedia,
  ) {
    // Spelled out: a spread with keys added gets a hidden class of its own on Node 20's V8, one per channel.
    const { context, exten, priority } = location;
    this.dialplan = { context, exten, priority, appName: '', appData: '' };
    this.media = media;
    this.creationTime = formatTimestamp(createdAt);
  }

  get bridge(): SimBridge | undefined {
    return this.membership?.bridge;
  }

  get alive(): boolean {
    return !this.destroyed;
  }
}

let lastStamp = { ms: Number.NaN, text: '' };

/** Events come in bursts within one millisecond: the last one's text is reused. */
export function formatTimestamp(ms: number): string {
  if (ms !== lastStamp.ms) lastStamp = { ms, text: new Date(ms).toISOString().replace('Z', '+0000') };
  return lastStamp.text;
}

export function channelSnapshot(chan: SimChannel, channelVars: readonly string[]): Channel {
  const snapshot: Channel = {
    id: chan.id,
    name: chan.name,
    state: chan.state,
    protocol_id: '',
    caller: { ...chan.caller },
    connected: { ...chan.connected },
    accountcode: '',
    dialplan: {
      context: chan.dialplan.context,
      exten: chan.dialplan.exten,
      priority: chan.dialplan.priority,
      app_name: chan.dialplan.appName,
      app_data: chan.dialplan.appData,
    },
    creationtime: chan.creationTime,
    language: chan.language,
  };
  if (channelVars.length > 0) {
    const vars: Record<string, string> = {};
    for (const name of channelVars) vars[name] = chan.vars.get(name) ?? '';
    snapshot.channelvars = vars;
  }
  return snapshot;
}

/** `ast_callerid_parse`: `"Name" <num>`, `Name <num>`, `<num>` or a bare number or name. */
export function parseCallerId(text: string): CallerIdent {
  const angle = /^(.*)<([^>]*)>\s*$/.exec(text.trim());
  if (angle) {
    const name = (angle[1] ?? '').trim().replace(/^"(.*)"$/, '$1');
    return { name, number: (angle[2] ?? '').trim() };
  }
  const bare = text.trim().replace(/^"(.*)"$/, '$1');
  return /^[+0-9*#()\-. ]+$/.test(bare)
    ? { name: '', number: bare.replace(/[()\-. ]/g, '') }
    : { name: bare, number: '' };
}

export function sameCaller(a: CallerIdent, b: CallerIdent): boolean {
  return a.name === b.name && a.number === b.number;
}
