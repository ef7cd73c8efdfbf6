import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The prompts ari-sim ships (`sounds/en/...`), used as Asterisk's `astdatadir/sounds`. */
export const SOUNDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../sounds');
/** The built-in `default` MOH class: one 8 kHz file, looped. */
export const DEFAULT_MOH_DIR = join(SOUNDS_DIR, 'moh');

/** One `type = user` section of ari.conf. */
export interface AriUser {
  username: string;
  password: string;
  readOnly?: boolean;
}

export interface SimConfig {
  /** Asterisk's entity id, sent as `asterisk_id` in every event. */
  asteriskId: string;
  /** `system.version` in `GET /asterisk/info`. */
  version: string;
  systemName: string;
  users: AriUser[];
  /** extensions.conf text (`[context]`, `exten =>`, `same =>`). */
  dialplan: string;
  /** musiconhold.conf classes: a directory of 8 kHz files each; `default` is built in. */
  mohClasses: Record<string, { directory: string }>;
  /** Roots searched for `sound:<name>` as `<root>/<lang>/<name>.<ext>`, like `astdatadir/sounds`. */
  soundDirs: string[];
  /** `astspooldir`: recordings live in `<spoolDir>/recording`. */
  spoolDir: string;
  /** Create `<spoolDir>/recording` at start, as a packaged Asterisk install does. */
  createRecordingDir: boolean;
  /** ari.conf `channelvars`: variables copied into every channel snapshot. */
  channelVars: string[];
  defaultLanguage: string;
}

export interface DefaultConfigOptions {
  /** The app inbound calls go to (`Stasis(<app>,inbound,${EXTEN})`). */
  runtimeApp?: string;
  /** The app agent and PSTN legs go to. */
  harnessApp?: string;
}

/** The dialplan the traces in `asterisk-traces/` were recorded with. */
export function defaultDialplan({
  runtimeApp = 'parley',
  harnessApp = 'harness',
}: DefaultConfigOptions = {}) {
  return `[from-test]
exten => _X.,1,NoOp(test call into Parley)
 same => n,Stasis(${runtimeApp},inbound,\${EXTEN})
 same => n,Hangup()
exten => _+X.,1,Goto(\${EXTEN:1},1)

[test-agents]
exten => _X.,1,Stasis(${harnessApp},agent,\${EXTEN})
 same => n,Hangup()

[test-pstn]
exten => _X.,1,Stasis(${harnessApp},pstn,\${EXTEN})
 same => n,Hangup()
exten => _+X.,1,Stasis(${harnessApp},pstn,\${EXTEN})
 same => n,Hangup()
`;
}

/** Users `parley`/`harness` (passwords equal to the names), the test dialplan and the shipped sounds. */
export function defaultConfig(options: DefaultConfigOptions = {}): SimConfig {
  const runtimeApp = options.runtimeApp ?? 'parley';
  const harnessApp = options.harnessApp ?? 'harness';
  return {
    asteriskId: '02:fc:00:00:00:01',
    version: '22.10.1',
    systemName: 'ari-sim',
    users: [
      { username: runtimeApp, password: runtimeApp },
      { username: harnessApp, password: harnessApp },
    ],
    dialplan: defaultDialplan({ runtimeApp, harnessApp }),
    mohClasses: { default: { directory: DEFAULT_MOH_DIR } },
    soundDirs: [SOUNDS_DIR],
    spoolDir: '',
    createRecordingDir: true,
    channelVars: [],
    defaultLanguage: 'en',
  };
}

/** A fresh spool directory per sim, so parallel tests never see each other's recordings. */
export function temporarySpoolDir(): string {
  return mkdtempSync(join(tmpdir(), 'ari-sim-spool-'));
}
