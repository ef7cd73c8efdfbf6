import { describe, expect, it } from 'vitest';
import { createClipboard, pageClipboard, type SystemClipboard } from './clipboard.js';

const system = (): SystemClipboard & { text: string } => {
  const s = {
    text: '',
    writeText: async (t: string) => {
      s.text = t;
    },
    readText: async () => s.text,
  };
  return s;
};

describe('the clipboard', () => {
  it('writes to the system clipboard and reads what is there now (text copied elsewhere too)', async () => {
    const sys = system();
    const clipboard = createClipboard(sys);
    await clipboard.write('{"Actions":[]}');
    expect(sys.text).toBe('{"Actions":[]}');
    sys.text = 'copied in another tab';
    expect(await clipboard.read()).toBe('copied in another tab');
  });

  it('falls back to memory when the system clipboard refuses or is missing', async () => {
    const refusing: SystemClipboard = {
      writeText: () => Promise.reject(new Error('NotAllowedError')),
      readText: () => Promise.reject(new Error('NotAllowedError')),
    };
    for (const clipboard of [createClipboard(refusing), createClipboard(undefined)]) {
      expect(await clipboard.read()).toBeUndefined();
      await clipboard.write('blocks');
      expect(await clipboard.read()).toBe('blocks');
    }
  });

  it('is one for the page, so a copy in one flow pastes into another', () => {
    expect(pageClipboard()).toBe(pageClipboard());
  });
});
