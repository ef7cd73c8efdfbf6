import { applicationHandlers } from './applications.js';
import { asteriskHandlers } from './asterisk.js';
import { bridgeHandlers } from './bridges.js';
import { channelMediaHandlers } from './channel-media.js';
import { channelHandlers } from './channels.js';
import { eventHandlers } from './events.js';
import { miscHandlers } from './misc.js';
import { playbackHandlers } from './playbacks.js';
import { recordingHandlers } from './recordings.js';
import type { HandlerTable } from './router.js';
import { soundHandlers } from './sounds.js';

/** Every operation ari-sim answers, keyed by its swagger id (`resource.nickname`). */
export const HANDLERS: HandlerTable = {
  ...applicationHandlers,
  ...asteriskHandlers,
  ...bridgeHandlers,
  ...channelHandlers,
  ...channelMediaHandlers,
  ...eventHandlers,
  ...miscHandlers,
  ...playbackHandlers,
  ...recordingHandlers,
  ...soundHandlers,
};
