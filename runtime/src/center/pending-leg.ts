import type { CallPort, HangupReason } from '../telephony/port.js';
import { RESTART_CAUSE } from '../telephony/restarts.js';
import { LegView } from './leg-view.js';
import type { AgentLines, DialFailure } from './lines.js';

/**
 * The customer of an agent-dialled (OUTBOUND) contact before and after they are dialled: the
 * contact exists, and its outbound whisper flow runs, before the call is placed, which happens at
 * the flow's CompleteOutboundCall ("Call phone number", with its caller ID) or, without one, before
 * the flow. Until then the leg has no channel: prompts fail, and hanging up cancels the contact.
 */
export class PendingLeg extends LegView {
  #call: CallPort | undefined;
  #dialling: Promise<boolean> | undefined;

  constructor(
    private readonly lines: AgentLines,
    /** The number dialled, E.164. */
    readonly to: string,
    private readonly options: { endpoint: string; ringSeconds: number; tag: string; from: string },
  ) {
    super();
  }

  protected get inner(): CallPort | undefined {
    return this.#call;
  }

  get placed(): boolean {
    return this.#call !== undefined;
  }
  get channelId(): string {
    return this.#call?.channelId ?? '';
  }
  get from(): string {
    return this.options.from;
  }

  /** Dials the customer once (later calls share the first); true once they answered. */
  dial(callerId: string | undefined): Promise<boolean> {
    this.#dialling ??= this.#dial(callerId);
    return this.#dialling;
  }

  async #dial(callerId: string | undefined): Promise<boolean> {
    if (this.ended) return false;
    const dialled = await this.lines.dial(this.options.endpoint.replaceAll('{number}', this.to), {
      timeoutSeconds: this.options.ringSeconds,
      tag: this.options.tag,
      ...(callerId ? { callerId: `<${callerId}>` } : {}),
    });
    if (!dialled.ok) {
      this.ending.end({ cause: causeOf(dialled.reason), by: 'caller' });
      return false;
    }
    if (this.ended) {
      await dialled.call.hangup();
      return false;
    }
    this.#call = dialled.call;
    dialled.call.onEnd((end) => this.ending.end(end));
    return true;
  }

  async hangup(_reason?: HangupReason): Promise<void> {
    if (this.#call) return this.#call.hangup();
    this.ending.end({ cause: 16, by: 'runtime' });
  }
}

/** The Q.850 cause a dial that never answered ends its leg with: busy, lost to a restart, or no answer. */
function causeOf(reason: DialFailure): number {
  if (reason === 'busy') return 17;
  return reason === 'lost' ? RESTART_CAUSE : 19;
}
