/*
 * Typing in a field, framework-free: the field shows every keystroke at once, the flow is edited
 * after a pause (and at blur), and everything typed during one focus is one undo step: each
 * focus gets a group that the editing session amends while it lasts (Editor.editParameters).
 */

export interface Timers {
  set(f: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (f, ms) => setTimeout(f, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

let groups = 0;
/** A group no other focus has had. */
export const newGroup = (): string => `field-${++groups}`;

/** How long typing pauses before the flow is edited. */
export const TYPING_DELAY = 300;

export interface FieldSession<T> {
  /** Starts a focus: what is typed until blur is one undo step. */
  focus(): void;
  /** A new value typed: committed after the delay, unless another comes first. */
  change(value: T): void;
  /** Commits a pending value now. */
  flush(): void;
  /** Commits a pending value and ends the focus. */
  blur(): void;
  /** Whether a value waits for the delay. */
  pending(): boolean;
}

export function createFieldSession<T>(
  commit: (value: T, group: string) => void,
  options: { delay?: number; timers?: Timers } = {},
): FieldSession<T> {
  const { delay = TYPING_DELAY, timers = realTimers } = options;
  let group: string | undefined;
  let waiting: { value: T; handle: unknown } | undefined;
  const flush = () => {
    if (!waiting) return;
    const { value, handle } = waiting;
    waiting = undefined;
    timers.clear(handle);
    // A change without a focus (a programmatic one) is a step of its own.
    commit(value, group ?? newGroup());
  };
  return {
    focus() {
      flush();
      group = newGroup();
    },
    change(value) {
      if (waiting) timers.clear(waiting.handle);
      waiting = { value, handle: timers.set(flush, delay) };
    },
    flush,
    blur() {
      flush();
      group = undefined;
    },
    pending: () => waiting !== undefined,
  };
}
