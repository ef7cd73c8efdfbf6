export { ADMIN_PREFIX } from './admin.js';
export { parseAriConf, parseMusicOnHoldConf } from './conf.js';
export {
  type AriUser,
  DEFAULT_MOH_DIR,
  type DefaultConfigOptions,
  defaultConfig,
  defaultDialplan,
  type SimConfig,
  SOUNDS_DIR,
} from './config.js';
export { ConnectionDropped, type FaultRule, Faults, type RestFault } from './faults.js';
export type { Credentials } from './in-process.js';
export type { ListenOptions, RunningServer } from './server.js';
export { type AriSim, type AriSimOptions, createAriSim } from './sim.js';
