import { type KeyboardEvent as KeyEvent, useEffect, useRef, useState } from 'react';
import { createFieldSession, type FieldSession } from './session.js';

export interface FieldDraft {
  /** What the input shows: the draft while focused and typed into, else the value. */
  text: string;
  onChange(text: string): void;
  onFocus(): void;
  onBlur(): void;
  onKeyDown(e: KeyEvent): void;
}

/** The save shortcut (Mod+S), which works from a field too. */
const isSaveKey = (e: KeyEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';

/**
 * A text input over a value of the flow: keystrokes shown at once, committed after a pause or at
 * blur, one undo step per focus (createFieldSession). `commit` may change between renders.
 */
export function useFieldDraft(value: string, commit: (text: string, group: string) => void): FieldDraft {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const latest = useRef(commit);
  latest.current = commit;
  const session = useRef<FieldSession<string>>(undefined);
  session.current ??= createFieldSession<string>((text, group) => latest.current(text, group));
  // Whatever waits is committed when the field goes (another block selected, the panel closed).
  useEffect(() => () => session.current?.flush(), []);
  return {
    text: draft ?? value,
    onChange(text) {
      setDraft(text);
      session.current?.change(text);
    },
    onFocus() {
      session.current?.focus();
    },
    onBlur() {
      session.current?.blur();
      setDraft(undefined);
    },
    onKeyDown(e) {
      if (!isSaveKey(e) || !session.current?.pending()) return;
      // The page saves the model it last rendered: commit what was typed, and let the save key
      // reach the page again once that edit is rendered.
      session.current.flush();
      e.preventDefault();
      e.stopPropagation();
      const { key, ctrlKey, metaKey, shiftKey } = e;
      setTimeout(() => {
        document.dispatchEvent(
          new KeyboardEvent('keydown', { key, ctrlKey, metaKey, shiftKey, bubbles: true, cancelable: true }),
        );
      }, 0);
    },
  };
}
