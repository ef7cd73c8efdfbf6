import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Api, FlowSummary, SaveResult, VersionHistory, VersionSummary } from '../app/api.js';
import {
  formatWhen,
  loadVersion,
  publishedOf,
  restoreMessage,
  restoreVersion,
  versionRows,
} from './history.js';

const version = (n: number): VersionSummary => ({
  version: n,
  hash: `h${n}`,
  author: 'ada',
  message: `v${n}`,
  errors: 0,
  warnings: 0,
  createdAt: '2025-01-01T00:00:00Z',
});

const history: VersionHistory = {
  versions: [version(1), version(3), version(2)],
  publications: [
    { version: 1, action: 'rollback', actor: 'ada', at: 'x' },
    { version: 3, action: 'publish', actor: 'ada', at: 'w' },
  ],
};

const bankMenu = readFileSync(new URL('../../../fixtures/runs/menu-dtmf/flow.json', import.meta.url), 'utf8');

/** An Api answering what restoring reads, recording what it saves. */
function fakeApi(latestVersion: number) {
  const saved: unknown[] = [];
  const api = {
    flowContent: async (_i: string, _f: string, v?: number) => ({
      text: v === 2 ? bankMenu : '{}',
      version: v ?? 0,
    }),
    flow: async () => ({ id: 'f', latestVersion }) as FlowSummary,
    saveVersion: async (_i: string, _f: string, input: unknown) => {
      saved.push(input);
      return { version: version(latestVersion + 1) } as SaveResult;
    },
  } as Partial<Api> as Api;
  return { api, saved };
}

describe('version history', () => {
  it('lists versions newest first, marking the published one (the latest publication, a rollback too) and the current one', () => {
    const rows = versionRows(history, 2);
    expect(rows.map((r) => [r.version, r.published, r.current])).toEqual([
      [3, false, false],
      [2, false, true],
      [1, true, false],
    ]);
    expect(publishedOf(history)).toBe(1);
    expect(publishedOf({ versions: [], publications: [] })).toBe(null);
  });

  it('says how long ago a version was saved, and the date after a week', () => {
    const now = Date.parse('2025-01-10T12:00:00Z');
    expect(formatWhen('2025-01-10T11:59:30Z', now)).toBe('just now');
    expect(formatWhen('2025-01-10T11:15:00Z', now)).toBe('45 min ago');
    expect(formatWhen('2025-01-10T07:00:00Z', now)).toBe('5 h ago');
    expect(formatWhen('2025-01-08T12:00:00Z', now)).toBe('2 d ago');
    expect(formatWhen('2024-12-01T12:00:00Z', now)).toBe('2024-12-01');
    expect(formatWhen('not a date', now)).toBe('not a date');
  });

  it('restores a version by saving its stored text as a new version on top of the latest', async () => {
    const { api, saved } = fakeApi(5);
    const result = await restoreVersion(api, 'demo', 'f', 2);
    expect(saved).toEqual([{ content: bankMenu, message: restoreMessage(2), baseVersion: 5 }]);
    expect(restoreMessage(2)).toBe('Restore version 2');
    expect(result.version.version).toBe(6);
  });

  it('loads a version as a model, and says so when it does not load', async () => {
    const { api } = fakeApi(5);
    const loaded = await loadVersion(api, 'demo', 'f', 2);
    expect(loaded.model.actions).toHaveLength(9);
    await expect(loadVersion(api, 'demo', 'f', 3)).rejects.toThrow(/^Version 3 does not load/);
  });
});
