// What the contact center's unit tests share: an InstanceCenter over an instance, on a manual
// clock and fake lines, with the runtime's own executors and a placeholder voice.
import type { ManualClock } from '@parley/ari';
import { type CenterOptions, InstanceCenter } from '../../src/center/center.js';
import type { Instance } from '../../src/contact/instance.js';
import { placeholderVoice } from '../../src/contact/simulate.js';
import { createExecutors } from '../../src/executors/index.js';
import { LambdaPort } from '../../src/integrations/lambda.js';
import { MemoryFlowLogSink } from '../../src/logs/sinks.js';
import type { FakeLines } from './center-lines.js';

export function testCenter(
  instance: Instance,
  clock: ManualClock,
  lines: FakeLines,
  options: Omit<CenterOptions, 'instance' | 'flows' | 'lines' | 'clock' | 'endpointTemplate'> = {},
): InstanceCenter {
  return new InstanceCenter({
    instance: () => instance,
    flows: {
      clock,
      voice: placeholderVoice(),
      lambda: new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock }),
      log: new MemoryFlowLogSink(),
      executors: createExecutors(),
    },
    lines,
    clock,
    endpointTemplate: 'Test/{ext}',
    ...options,
  });
}

/** Lets the center's timers due now and its promise chains run to rest. */
export async function settle(clock: ManualClock): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await clock.advance(0);
    await new Promise((r) => setImmediate(r));
  }
}
