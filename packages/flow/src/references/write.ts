import { isJsonObject } from '../model/model.js';
import type { JsonObject } from '../model/types.js';
import type { FlowReference } from './types.js';

type Container = JsonObject | unknown[];

/**
 * A copy of a document that copies only what changes: the containers on the way to each rewritten
 * value and the touched actions' Metadata. Cloning a whole 2,000-action flow would cost more than
 * resolving all its references, and the input (the caller's parsed JSON) must stay as it was.
 * Unchanged parts are shared with the input.
 */
export class DocumentWriter {
  readonly document: JsonObject;
  /** Containers this writer made, so changing them leaves the input alone. */
  readonly #fresh = new WeakSet<object>();

  constructor(source: JsonObject) {
    this.document = this.#mark({ ...source });
  }

  #mark<T extends Container>(c: T): T {
    this.#fresh.add(c);
    return c;
  }

  /** `container[key]` as a container of this copy: copied once, or created when `create` gives one. */
  #child(container: Container, key: string | number, create?: () => Container): Container | undefined {
    const isArray = Array.isArray(container);
    if (isArray ? typeof key !== 'number' : !isJsonObject(container)) return undefined;
    const has = isArray ? (key as number) < container.length : Object.hasOwn(container, key);
    let value = has ? (container as Record<string | number, unknown>)[key] : undefined;
    if (value === undefined || value === null) {
      if (!create) return undefined;
      value = this.#mark(create());
    } else if (Array.isArray(value) || isJsonObject(value)) {
      if (!this.#fresh.has(value)) value = this.#mark(Array.isArray(value) ? [...value] : { ...value });
    } else return undefined;
    if (isArray) {
      while (container.length < (key as number)) container.push(null);
      container[key as number] = value;
    } else (container as JsonObject)[key] = value;
    return value as Container;
  }

  /** Writes a reference's new value into Parameters. */
  setValue(ref: Pick<FlowReference, 'actionIndex' | 'segments'>, value: string): void {
    let holder = this.#child(this.document, 'Actions');
    holder = holder && this.#child(holder, ref.actionIndex);
    holder = holder && this.#child(holder, 'Parameters');
    const last = ref.segments.length - 1;
    for (let i = 0; i < last && holder; i++) holder = this.#child(holder, ref.segments[i] as string | number);
    const leaf = ref.segments[last] as string | number;
    if (Array.isArray(holder) && typeof leaf === 'number') holder[leaf] = value;
    else if (isJsonObject(holder) && typeof leaf === 'string' && Object.hasOwn(holder, leaf))
      holder[leaf] = value;
  }

  /**
   * `Metadata.ActionMetadata[actionId]` of the copy, deep-copied on first use (it is small); with
   * `create`, made where the document has none.
   */
  actionMetadata(actionId: string, create = false): JsonObject | undefined {
    // An Identifier the validator refuses must not reach Object.prototype through this assignment.
    if (actionId === '__proto__') return undefined;
    const make = create ? () => ({}) : undefined;
    const metadata = this.#child(this.document, 'Metadata', make);
    const all = metadata && this.#child(metadata, 'ActionMetadata', make);
    if (!all || !isJsonObject(all)) return undefined;
    const current = Object.hasOwn(all, actionId) ? all[actionId] : undefined;
    if (isJsonObject(current) && this.#fresh.has(current)) return current;
    if (current === undefined ? !create : !isJsonObject(current)) return undefined;
    const copy: JsonObject = this.#mark(isJsonObject(current) ? structuredClone(current) : {});
    all[actionId] = copy;
    return copy;
  }
}
