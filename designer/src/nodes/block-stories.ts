import { CATALOG } from '@parley/flow';

/**
 * One story per catalog block, as the Storybook indexer (.storybook/blocks.ts) lists them and the
 * browser test expects them. Framework-free: Storybook's Node side imports it.
 */
export interface BlockStoryEntry {
  type: string;
  /** `Blocks/<palette group>/<Type>`. */
  title: string;
  /** The story id, fixed here so the index and the module's exports agree without Storybook's help. */
  id: string;
  /** The module export carrying the story; prefixed so no block type shadows a name of the module. */
  exportName: string;
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function blockStoryEntries(): BlockStoryEntry[] {
  return [...CATALOG.values()].map((b) => {
    // "Terminate / Transfer" would nest a level in Storybook's sidebar.
    const group = b.ui.group.replace(/\s*\/\s*/g, ' & ');
    const title = `Blocks/${group}/${b.type}`;
    return {
      type: b.type,
      title,
      id: `${slug(title)}--${slug(b.type)}`,
      exportName: `block_${b.type.replace(/\W/g, '_')}`,
    };
  });
}

/** The block type a story shows, when the id is a block story's. */
export function blockTypeOfStory(id: string): string | undefined {
  return blockStoryEntries().find((e) => e.id === id)?.type;
}
