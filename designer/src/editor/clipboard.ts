/** The system clipboard's text half (navigator.clipboard), as far as the editor needs it. */
export interface SystemClipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface Clipboard {
  write(text: string): Promise<void>;
  /** The clipboard's text; undefined when there is none. */
  read(): Promise<string | undefined>;
}

/**
 * Copies go to the system clipboard, so blocks move between tabs and flows, and to memory, which
 * answers when the system clipboard cannot (no secure context, permission refused, no browser).
 */
export function createClipboard(system: SystemClipboard | undefined = browserClipboard()): Clipboard {
  let memory: string | undefined;
  return {
    async write(text) {
      memory = text;
      await system?.writeText(text).catch(() => undefined);
    },
    async read() {
      if (!system) return memory;
      try {
        return await system.readText();
      } catch {
        return memory;
      }
    },
  };
}

let shared: Clipboard | undefined;

/** One clipboard for the page, so blocks copied in one flow paste into the next even from memory. */
export const pageClipboard = (): Clipboard => {
  shared ??= createClipboard();
  return shared;
};

function browserClipboard(): SystemClipboard | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.clipboard;
}
