/**
 * The runtime's fuzz targets: WAV reading (text-to-speech output and prompt uploads) and the HTTP
 * API. `pnpm fuzz` runs them beside the flow core's (packages/flow/test/fuzz/targets.ts).
 */
import type { FuzzTarget } from '../../../packages/flow/test/fuzz/run.js';
import { type ApiCase, apiCase, openApiSession } from './api.js';
import { checkWav, type WavCase, wavCase } from './targets-wav.js';

const wavTarget: FuzzTarget = {
  name: 'wav',
  description: 'readWav, resample and checkPromptAudio on WAVs whose headers lie',
  weight: 2,
  open: () => ({ arbitrary: wavCase, check: (c: WavCase) => checkWav(c) }),
};

const apiTarget: FuzzTarget = {
  name: 'api',
  description: 'the HTTP API (inject, embedded store): imports, saves, resources, uploads, raw bodies, URLs',
  weight: 0.3,
  async open() {
    const session = await openApiSession();
    return {
      arbitrary: apiCase,
      check: (c: ApiCase) => session.check(c),
      async: true,
      close: () => session.close(),
    };
  },
};

export const RUNTIME_TARGETS: readonly FuzzTarget[] = [wavTarget, apiTarget];
