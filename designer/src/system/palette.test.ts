import { BLOCK_GROUPS, paletteBlocks } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { palette, searchPalette } from './palette.js';

describe('palette', () => {
  it('lists every placeable catalog block once, in Connect’s groups and order', () => {
    const groups = palette();
    expect(groups.map((g) => g.group)).toEqual(BLOCK_GROUPS.filter((g) => groups.some((x) => x.group === g)));
    const types = groups.flatMap((g) => g.entries.map((e) => e.type));
    expect(types.sort()).toEqual(
      paletteBlocks()
        .map((b) => b.type)
        .sort(),
    );
    for (const g of groups) for (const e of g.entries) expect(e.group).toBe(g.group);
    expect(groups.flatMap((g) => g.entries).every((e) => e.allowed && e.label && e.help)).toBe(true);
  });

  it('marks the blocks a flow type does not allow', () => {
    const entries = palette('CUSTOMER_WHISPER').flatMap((g) => g.entries);
    expect(entries.find((e) => e.type === 'MessageParticipant')?.allowed).toBe(true);
    expect(entries.find((e) => e.type === 'GetParticipantInput')?.allowed).toBe(false);
  });

  it('finds blocks by any words of their label, type or help, ignoring case and accents', () => {
    const groups = palette();
    const found = (q: string) => searchPalette(groups, q).flatMap((g) => g.entries.map((e) => e.type));
    expect(found('play PROMPT')).toContain('MessageParticipant');
    expect(found('hours')[0]).toBe('CheckHoursOfOperation');
    expect(found('lambda')).toContain('InvokeLambdaFunction');
    expect(found('prómpt')).toContain('MessageParticipant');
    expect(found('no such block anywhere')).toEqual([]);
    expect(searchPalette(groups, '  ')).toEqual(groups);
  });
});
