import type { Clock } from '@parley/ari';
import type { Instance } from '../contact/instance.js';
import {
  type AsyncLambdaInvocation,
  type FunctionResource,
  type LambdaOutcome,
  LambdaPort,
  type LambdaRequest,
} from '../integrations/lambda.js';

/** `<id>` of `arn:…:instance/<id>[/…]`. */
const instanceIdOf = (instanceArn: string) => /:instance\/([^/]+)/.exec(instanceArn)?.[1];

/**
 * One Lambda port for every instance of a server, which runs a function only for contacts of the
 * instance that defines it. A function is found by its name as much as by its ARN (flows name
 * either), so looking it up in every instance would let one instance's flow run another's
 * function, with that function's URL and credentials, and read its answer.
 */
export class InstanceLambdas extends LambdaPort {
  readonly #ports = new Map<string, LambdaPort>();
  readonly #instance: (instanceId: string) => Instance | undefined;
  readonly #clock: Clock;

  constructor(options: { instance: (instanceId: string) => Instance | undefined; clock: Clock }) {
    super({ resolve: () => undefined, clock: options.clock });
    this.#instance = options.instance;
    this.#clock = options.clock;
  }

  override invoke(request: LambdaRequest): Promise<LambdaOutcome> {
    return this.#portOf(request).invoke(request);
  }

  override start(request: LambdaRequest): AsyncLambdaInvocation {
    return this.#portOf(request).start(request);
  }

  /** A port per instance, so that each keeps its loaded modules and answers LAMBDA_NOT_FOUND alike. */
  #portOf(request: LambdaRequest): LambdaPort {
    const id = instanceIdOf(request.contact.instanceArn) ?? '';
    let port = this.#ports.get(id);
    if (!port) {
      const resolve = (arn: string): FunctionResource | undefined =>
        id === '' ? undefined : this.#instance(id)?.lambda(arn);
      port = new LambdaPort({ resolve, clock: this.#clock });
      this.#ports.set(id, port);
    }
    return port;
  }
}
