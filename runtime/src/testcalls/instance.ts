import type { Contact } from '@parley/flow';
import { digitsOf, Instance } from '../contact/instance.js';
import type { FlowTarget } from '../executors/types.js';
import { flowTarget } from '../resources/flow-target.js';
import { Directory } from '../resources/index.js';
import type { InstanceRow } from '../store/index.js';
import type { CheckedDraft } from './draft.js';

/**
 * The instance as one test call sees it: the store's resources and published flows, with the draft
 * answering the call's own number and standing in for its saved flow wherever a block names it
 * (a TransferToFlow back into itself runs the draft too).
 */
export class TestInstance extends Instance {
  readonly draft: FlowTarget;
  readonly #draft = new Directory<FlowTarget>();
  readonly #number: string;

  constructor(row: InstanceRow, draft: CheckedDraft, number: string) {
    super(row);
    const loaded = flowTarget(draft.bytes, draft.flow, this.arn);
    // checkDraft read the same bytes into a model, so this cannot fail unless the two disagree.
    if (!loaded.ok) throw new Error(`the checked draft did not load: ${loaded.problem.message}`);
    this.draft = loaded.flow;
    this.#draft.add(loaded.flow);
    this.#number = digitsOf(number);
  }

  override flow(ref: string): FlowTarget | undefined {
    return this.#draft.get(ref) ?? super.flow(ref);
  }

  override flowForNumber(number: string): FlowTarget | undefined {
    return digitsOf(number) === this.#number ? this.draft : super.flowForNumber(number);
  }

  /** Test contacts log every block from the start: the designer shows the path from the log. */
  override inboundContact(options: Parameters<Instance['inboundContact']>[0]): Contact {
    return { ...super.inboundContact(options), logging: true };
  }
}
