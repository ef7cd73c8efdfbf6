import type { TelephonyTarget } from '@parley/harness';

// The e2e project's global setup (packages/harness/e2e/setup.ts) provides where telephony is.
declare module 'vitest' {
  export interface ProvidedContext {
    telephony: TelephonyTarget;
  }
}
