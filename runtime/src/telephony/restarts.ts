import type { AriClient } from '@parley/ari';

/**
 * Q.850 41, temporary failure: what a call lost to an Asterisk restart ends with, so its contact
 * record says TELECOM_PROBLEM rather than that the customer hung up.
 */
export const RESTART_CAUSE = 41;

/**
 * Tells an Asterisk restart, which took every channel with it without a single event, from channels
 * that ended while the events socket was down: a restart moves Asterisk's `startup_time`. Read at
 * once, so that a restart can be told later; not knowing it only loses that distinction.
 */
export class RestartWatch {
  #startedAt: string | undefined;

  constructor(private readonly ari: AriClient) {
    void this.#read().then(
      (at) => {
        this.#startedAt ??= at;
      },
      () => undefined,
    );
  }

  /** Whether Asterisk started again since it was last asked; rejects when Asterisk does not answer. */
  async restarted(): Promise<boolean> {
    const at = await this.#read();
    const restarted = this.#startedAt !== undefined && at !== this.#startedAt;
    this.#startedAt = at;
    return restarted;
  }

  async #read(): Promise<string> {
    const info = await this.ari.asterisk.getInfo({ only: ['status'] });
    return info.status?.startup_time ?? '';
  }
}
