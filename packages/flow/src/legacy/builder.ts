import type { JsonObject } from '../model/types.js';
import type {
  LegacyBranch,
  LegacyModule,
  LegacyNote,
  LegacyNoteCode,
  LegacyParameter,
  ModernCondition,
  ModernError,
} from './types.js';
import { exportString, resolveParameter } from './values.js';

/** Assigns an own property even for keys like `__proto__` (attribute names come from the input). */
export function assign(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value at a dotted path below `root` (own keys only), or undefined. */
export function dig(root: unknown, path: string): unknown {
  let node = root;
  for (const k of path.split('.')) {
    node = node && typeof node === 'object' && Object.hasOwn(node, k) ? (node as JsonObject)[k] : undefined;
  }
  return node;
}

/** Walks (creating objects as needed) to the parent of a dotted path and returns it with the last key. */
function parentOf(root: JsonObject, path: string): [JsonObject, string] {
  const keys = path.split('.');
  let node = root;
  for (const k of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, k) ? node[k] : undefined;
    if (next && typeof next === 'object' && !Array.isArray(next)) node = next as JsonObject;
    else {
      const created: JsonObject = {};
      assign(node, k, created);
      node = created;
    }
  }
  return [node, keys[keys.length - 1] as string];
}

/**
 * Collects the pieces of one converted action while the rule for its legacy module runs:
 * Parameters, transitions, per-parameter metadata (display names) and notes.
 */
export class ActionBuilder {
  readonly parameters: JsonObject = {};
  /** `ActionMetadata[id].parameters`: display names and dynamic hints, keyed like `Parameters`. */
  readonly parameterMetadata: JsonObject = {};
  next: string | undefined;
  readonly conditions: ModernCondition[] = [];
  readonly errors: ModernError[] = [];
  /** Scratch space for rules that build one parameter from several legacy ones. */
  readonly state: Record<string, unknown> = {};

  constructor(
    readonly module: LegacyModule,
    readonly index: number,
    readonly flowType: string,
    private readonly notes: LegacyNote[],
  ) {}

  /** A list kept in `state` under `key`, created on first use. */
  list<T>(key: string): T[] {
    const existing = this.state[key];
    if (Array.isArray(existing)) return existing as T[];
    const created: T[] = [];
    this.state[key] = created;
    return created;
  }

  get id(): string {
    return this.module.id;
  }

  get legacyParameters(): LegacyParameter[] {
    return Array.isArray(this.module.parameters) ? this.module.parameters : [];
  }

  get legacyBranches(): LegacyBranch[] {
    return Array.isArray(this.module.branches) ? this.module.branches : [];
  }

  /** Module metadata entry `key`, when it is an object (e.g. `queue`, `contactFlow`). */
  metadataObject(key: string): JsonObject | undefined {
    const v = this.module.metadata?.[key];
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
  }

  /** First legacy parameter called `name`. */
  legacy(name: string): LegacyParameter | undefined {
    return this.legacyParameters.find((p) => p && p.name === name);
  }

  /** Value of the first legacy parameter called `name`, export-stringified (static value only). */
  legacyValue(name: string): string | undefined {
    return exportString(this.legacy(name)?.value);
  }

  /** Resolves the first legacy parameter called `name` (noting problems); undefined when absent or unusable. */
  resolveNamed(name: string): string | undefined {
    const i = this.legacyParameters.findIndex((p) => p && p.name === name);
    const p = this.legacyParameters[i];
    return p ? this.resolve(p, i)?.value : undefined;
  }

  parameterPath(i: number): string {
    return `/modules/${this.index}/parameters/${i}`;
  }

  /** Pointer to the first legacy parameter called `name` (the module's parameters when there is none). */
  parameterPathOf(name: string): string {
    const i = this.legacyParameters.findIndex((p) => p && p.name === name);
    return i >= 0 ? this.parameterPath(i) : `/modules/${this.index}/parameters`;
  }

  branchPath(i: number): string {
    return `/modules/${this.index}/branches/${i}`;
  }

  note(code: LegacyNoteCode, message: string, path?: string): void {
    const where = path ?? `/modules/${this.index}`;
    this.notes.push({
      code,
      message: `${this.module.type} ${this.id}: ${message}`,
      actionId: this.id,
      path: where,
    });
  }

  /** Resolves a legacy parameter; notes LEGACY_PARAMETER_DROPPED and returns undefined when impossible. */
  resolve(p: LegacyParameter, i: number): { value: string; dynamic: boolean } | undefined {
    const r = resolveParameter(p);
    if ('problem' in r) {
      this.note(
        'LEGACY_PARAMETER_DROPPED',
        `parameter ${p.name} ${r.problem}; not carried over`,
        this.parameterPath(i),
      );
      return undefined;
    }
    return r;
  }

  /** Sets `Parameters.<dotted path>`. */
  set(path: string, value: unknown): void {
    const [parent, key] = parentOf(this.parameters, path);
    assign(parent, key, value);
  }

  /** Sets `Parameters.<dotted path>[key]`; the key is taken literally (attribute names may contain dots). */
  setEntry(path: string, key: string, value: unknown): void {
    const [parent] = parentOf(this.parameters, `${path}.*`);
    assign(parent, key, value);
  }

  get(path: string): unknown {
    return dig(this.parameters, path);
  }

  /** Sets `ActionMetadata[id].parameters.<dotted path>.<field>`. */
  setParameterMetadata(path: string, field: string, value: unknown): void {
    const [parent, key] = parentOf(this.parameterMetadata, path);
    const entry = Object.hasOwn(parent, key) ? parent[key] : undefined;
    const obj: JsonObject =
      entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : {};
    assign(obj, field, value);
    assign(parent, key, obj);
  }

  /** Records the human name of the resource a parameter references (Connect resolves by it on import). */
  setDisplayName(path: string, name: unknown): void {
    if (typeof name === 'string' && name !== '') this.setParameterMetadata(path, 'displayName', name);
  }

  addCondition(target: string, operator: string, operand: string): void {
    this.conditions.push({ NextAction: target, Condition: { Operator: operator, Operands: [operand] } });
  }

  addError(target: string, errorType: string): void {
    this.errors.push({ NextAction: target, ErrorType: errorType });
  }
}
