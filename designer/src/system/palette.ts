import { BLOCK_GROUPS, type BlockGroup, type FlowType, paletteBlocks } from '@parley/flow';

export interface PaletteEntry {
  type: string;
  label: string;
  group: BlockGroup;
  help: string;
  /** Whether the block may be used in the flow type asked for (always true when none was). */
  allowed: boolean;
  /** The service Parley does not provide, for blocks that take their error branch in Parley. */
  notProvided?: string;
}

export interface PaletteGroup {
  group: BlockGroup;
  entries: PaletteEntry[];
}

/** The blocks an author may place, grouped and ordered as Connect's designer shows them. */
export function palette(flowType?: FlowType): PaletteGroup[] {
  const entries = paletteBlocks().map(
    (b): PaletteEntry => ({
      type: b.type,
      label: b.ui.label,
      group: b.ui.group,
      help: b.ui.help,
      allowed: flowType === undefined || b.flowTypes.includes(flowType),
      ...(b.notProvided === undefined ? {} : { notProvided: b.notProvided }),
    }),
  );
  return BLOCK_GROUPS.map((group) => ({
    group,
    entries: entries
      .filter((e) => e.group === group)
      .sort((a, b) => a.label.localeCompare(b.label) || a.type.localeCompare(b.type)),
  })).filter((g) => g.entries.length > 0);
}

/**
 * The entries matching every word of `query` in their label, type, group or help (case and accents
 * ignored), best first within each group: label matches before help matches. Empty groups are dropped.
 */
export function searchPalette(groups: readonly PaletteGroup[], query: string): PaletteGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups.map((g) => ({ ...g, entries: [...g.entries] }));
  const score = (e: PaletteEntry): number => {
    const label = fold(`${e.label} ${e.type}`);
    const all = `${label} ${fold(`${e.group} ${e.help}`)}`;
    if (!words.every((w) => all.includes(w))) return -1;
    return words.filter((w) => label.includes(w)).length;
  };
  return groups
    .map((g) => ({
      group: g.group,
      entries: g.entries
        .map((e) => ({ e, s: score(e) }))
        .filter(({ s }) => s >= 0)
        .sort((a, b) => b.s - a.s)
        .map(({ e }) => e),
    }))
    .filter((g) => g.entries.length > 0);
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
