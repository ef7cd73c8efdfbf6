import { describe, expect, it } from 'vitest';
import { ApiError, type SaveResult } from '../app/api.js';
import { problemOf, publishBlocker, saveNotice } from './useFlowSaving.js';

describe('saving and publishing', () => {
  it('explains a version conflict with the version saved meanwhile', () => {
    const conflict = new ApiError(409, 'STORE_VERSION_CONFLICT', 'version 4 was saved after version 3', {
      latestVersion: 4,
    });
    expect(problemOf(conflict, 3)).toEqual({
      kind: 'conflict',
      latestVersion: 4,
      message:
        'Not saved: version 4 was saved after version 3, which your changes are based on (another tab or another author).',
    });
  });

  it('keeps the publish report’s diagnostics, and names the code of any other refusal', () => {
    const diagnostics = [
      { code: 'START_ACTION_UNCONNECTED' as const, severity: 'error' as const, message: 'm' },
    ];
    const refused = new ApiError(422, 'PUBLISH_HAS_ERRORS', 'Main version 2 has 1 problem(s)', {
      diagnostics,
    });
    expect(problemOf(refused)).toEqual({
      kind: 'publish',
      message: 'Main version 2 has 1 problem(s)',
      diagnostics,
    });
    expect(problemOf(new ApiError(403, 'API_FORBIDDEN', 'read-only token'))).toEqual({
      kind: 'error',
      message: 'API_FORBIDDEN: read-only token',
    });
    expect(problemOf(new TypeError('Failed to fetch'))).toEqual({
      kind: 'error',
      message: 'Failed to fetch',
    });
  });

  it('says whether a save made a version, and why Publish is unavailable', () => {
    const result = (unchanged: boolean) => ({ unchanged, version: { version: 7 } }) as SaveResult;
    expect(saveNotice(result(false))).toBe('Saved version 7');
    expect(saveNotice(result(true))).toBe('No changes since version 7');
    expect(publishBlocker(false, 0)).toMatch(/first version/);
    expect(publishBlocker(true, 3)).toMatch(/Save your changes first/);
    expect(publishBlocker(false, 3)).toBeUndefined();
  });
});
