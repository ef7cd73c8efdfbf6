import type { Clock } from '@parley/ari';
import type { Instance } from '../contact/instance.js';
import type { CallAttachment } from '../contact/serve.js';
import type { RoutingPort } from '../executors/types.js';
import type { CallPort } from '../telephony/port.js';
import { type CenterOptions, InstanceCenter } from './center.js';
import type { FlowDeps } from './flows.js';
import type { AgentLines } from './lines.js';

export { InstanceCenter } from './center.js';
export { type AgentLines, AriAgentLines } from './lines.js';

/** The ringing template for agents in the test dialplan (docs/asterisk), which the harness answers. */
export const TEST_AGENT_ENDPOINT = 'Local/{ext}@test-agents/n';

export interface ContactCentersOptions {
  /** The instance by ID, as last built. */
  instance: (instanceId: string) => Instance | undefined;
  lines: AgentLines;
  clock: Clock;
  flows: Omit<FlowDeps, 'instance'>;
  endpointTemplate?: string;
  offerTimeoutSeconds?: number;
  /** Callback contacts' records, and where callbacks dial customers (CenterOptions). */
  records?: CenterOptions['records'];
  pstnEndpoint?: string;
  /** Told of each center as it is made (a cluster keeps its agents' states in the store). */
  onCenter?: (instanceId: string, center: InstanceCenter) => void;
}

/**
 * One contact center per instance, made when the instance first needs one and kept across its
 * rebuilds (agents stay logged in, contacts stay queued when a flow is published).
 */
export class ContactCenters {
  readonly #centers = new Map<string, InstanceCenter>();

  constructor(private readonly options: ContactCentersOptions) {}

  /** The instance's center, for the agent API (a `CenterLookup`). */
  get = (instanceId: string): InstanceCenter | undefined => {
    if (!this.options.instance(instanceId)) return undefined;
    let center = this.#centers.get(instanceId);
    if (!center) {
      const { endpointTemplate, offerTimeoutSeconds, records, pstnEndpoint } = this.options;
      const options: CenterOptions = {
        instance: () => this.options.instance(instanceId),
        lines: this.options.lines,
        clock: this.options.clock,
        flows: this.options.flows,
        ...(endpointTemplate ? { endpointTemplate } : {}),
        ...(offerTimeoutSeconds ? { offerTimeoutSeconds } : {}),
        ...(records ? { records } : {}),
        ...(pstnEndpoint ? { pstnEndpoint } : {}),
      };
      center = new InstanceCenter(options);
      this.#centers.set(instanceId, center);
      this.options.onCenter?.(instanceId, center);
    }
    return center;
  };

  /** serveInbound's `attach`: the call's contact is routed by its instance's center. */
  attach = (instance: Instance, call: CallPort, contactId: string): CallAttachment | undefined =>
    this.get(instance.info.id)?.attach(call, contactId);

  /** Routing for a call no center took (its instance is gone): every queue refuses. */
  readonly unattached: RoutingPort = {
    enqueue: async () => ({
      ok: false,
      errorType: 'NoMatchingError',
      reason: 'no contact center runs for this instance',
    }),
  };

  close(): void {
    for (const center of this.#centers.values()) center.close();
    this.#centers.clear();
  }
}
