/**
 * Faults a test can inject, none of which Asterisk would show unprompted: REST commands that fail,
 * hang or lose their answer, and outages (the events sockets dropped, Asterisk restarting). They sit
 * beside the model and never change how it behaves otherwise.
 */

export type RestFault =
  /** Answered with this status and `{"message": …}`, as Asterisk answers an error, without acting. */
  | { status: number; message?: string }
  /** Never answered and not acted on: the client's own timeout decides. */
  | { hang: true }
  /** Acted on, but the answer never arrives (a connection lost after the request got through). */
  | { loseAnswer: true };

export interface FaultRule {
  /** The swagger operation (`channels.playWithId`, `bridges.addChannel`), or `*` for any. */
  operation: string;
  /** Only requests by this ARI user (the runtime's, not the harness's); any user when absent. */
  user?: string;
  /** How many matching requests the fault takes; 1 unless told. */
  times?: number;
  fault: RestFault;
}

/** A request that never gets its answer: the connection is dropped when the sim restarts or closes. */
export class ConnectionDropped extends Error {
  constructor() {
    super('ari-sim dropped the connection');
    this.name = 'ConnectionDropped';
  }
}

interface ArmedRule extends FaultRule {
  left: number;
}

export class Faults {
  readonly #rules: ArmedRule[] = [];
  readonly #hung = new Set<(error: Error) => void>();
  /** While true, Asterisk is down: connections are refused, REST and events sockets alike. */
  down = false;

  add(rule: FaultRule): void {
    const times = Math.max(1, Math.floor(rule.times ?? 1));
    this.#rules.push({ ...rule, left: times });
  }

  /** Rules that still have requests to take, with how many. */
  pending(): (FaultRule & { left: number })[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** The fault for this request, if a rule takes it (first armed rule wins, in the order added). */
  take(operation: string, user: string): RestFault | undefined {
    const index = this.#rules.findIndex(
      (r) => (r.operation === '*' || r.operation === operation) && (r.user === undefined || r.user === user),
    );
    const rule = this.#rules[index];
    if (!rule) return undefined;
    rule.left -= 1;
    if (rule.left <= 0) this.#rules.splice(index, 1);
    return rule.fault;
  }

  /** A reply that never comes, until `dropConnections` rejects it. */
  never<T>(): Promise<T> {
    return new Promise<T>((_resolve, reject) => {
      const drop = (error: Error) => {
        this.#hung.delete(drop);
        reject(error);
      };
      this.#hung.add(drop);
    });
  }

  /** Every unanswered request loses its connection (a restart, the sim closing). */
  dropConnections(): void {
    for (const drop of [...this.#hung]) drop(new ConnectionDropped());
  }
}
