import { describe, expect, it } from 'vitest';
import { createFieldSession, type Timers } from './session.js';

/** Timers run by hand. */
function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    set: (f) => {
      due.set(++next, f);
      return next;
    },
    clear: (h) => due.delete(h as number),
  };
  const run = () => {
    for (const [h, f] of [...due]) {
      due.delete(h);
      f();
    }
  };
  return { timers, run, waiting: () => due.size };
}

describe('typing in a field', () => {
  it('commits the last value after the pause, every commit of one focus in one group', () => {
    const { timers, run, waiting } = manualTimers();
    const commits: [string, string][] = [];
    const s = createFieldSession<string>((v, g) => commits.push([v, g]), { timers });
    s.focus();
    s.change('H');
    s.change('He');
    expect(waiting()).toBe(1);
    run();
    s.change('Hey');
    s.blur();
    expect(commits.map((c) => c[0])).toEqual(['He', 'Hey']);
    expect(commits[0]?.[1]).toBe(commits[1]?.[1]);
    expect(s.pending()).toBe(false);
    expect(waiting()).toBe(0);
  });

  it('gives the next focus, and changes without one, groups of their own', () => {
    const { timers } = manualTimers();
    const groups: string[] = [];
    const s = createFieldSession<string>((_, g) => groups.push(g), { timers });
    s.focus();
    s.change('a');
    s.blur();
    s.focus();
    s.change('b');
    s.flush();
    s.blur();
    s.change('c');
    s.flush();
    s.change('d');
    s.flush();
    expect(new Set(groups).size).toBe(4);
  });

  it('commits nothing when nothing was typed', () => {
    const commits: string[] = [];
    const s = createFieldSession<string>((v) => commits.push(v));
    s.focus();
    s.blur();
    s.flush();
    expect(commits).toEqual([]);
  });
});
