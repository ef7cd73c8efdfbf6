import { parseConnectArn } from '@parley/flow';

export interface Named {
  id: string;
  arn: string;
  name: string;
}

/**
 * Resources of one kind, found the ways flows name them: by ARN, by ID, by the ID inside any
 * Connect ARN (so flows exported from another instance still resolve) and by name.
 */
export class Directory<T extends Named> {
  readonly #byArn = new Map<string, T>();
  readonly #byId = new Map<string, T>();
  readonly #byName = new Map<string, T>();

  add(r: T): void {
    this.#byArn.set(r.arn, r);
    this.#byId.set(r.id, r);
    if (!this.#byName.has(r.name)) this.#byName.set(r.name, r);
  }

  get(ref: string): T | undefined {
    const trimmed = ref.trim();
    return (
      this.#byArn.get(trimmed) ??
      this.#byId.get(trimmed) ??
      this.#byId.get(idOf(trimmed) ?? '') ??
      this.#byName.get(trimmed)
    );
  }

  /** One per ARN (the last added), in the order ARNs were first added. */
  all(): T[] {
    return [...this.#byArn.values()];
  }
}

/** The resource ID an ARN ends with: Connect's `…/queue/<id>`, an agent queue's `…/queue/agent/<id>`. */
function idOf(ref: string): string | undefined {
  const connect = parseConnectArn(ref);
  if (connect) return connect.resourceId;
  const m =
    /^arn:[^:]+:connect:[^:]*:[^:]*:(?:instance\/[^/]+\/[a-z-]+\/(?:agent\/)?|phone-number\/)([^/:]+)/.exec(
      ref,
    );
  return m?.[1];
}
