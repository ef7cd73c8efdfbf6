import type { Indexer } from 'storybook/internal/types';
import type { Plugin } from 'vite';
import { blockStoryEntries } from '../src/nodes/block-stories.js';

/** The module whose stories are the catalog's blocks; its exports are written here, one per block. */
export const BLOCK_STORIES = /[\\/]src[\\/]nodes[\\/]BlockNode\.catalog\.stories\.tsx$/;

/**
 * Lists one story per catalog block: Storybook's own indexer only reads exports written in the file.
 * First in the list, so it claims the file before the CSF indexer its name also matches.
 */
export const blockIndexer: Indexer = {
  test: BLOCK_STORIES,
  createIndex: async (fileName) =>
    blockStoryEntries().map((e) => ({
      type: 'story',
      importPath: fileName,
      exportName: e.exportName,
      name: e.type,
      title: e.title,
      __id: e.id,
      tags: ['block'],
    })),
};

/** Appends the story exports the indexer promised, each with the id the index gave it. */
export function blockExports(): Plugin {
  return {
    name: 'parley:block-stories',
    transform(code, id) {
      if (!BLOCK_STORIES.test(id.split('?')[0] ?? id)) return undefined;
      const stories = blockStoryEntries().map(
        (e) =>
          `export const ${e.exportName} = ${JSON.stringify({
            name: e.type,
            args: { type: e.type },
            parameters: { __id: e.id },
          })};`,
      );
      return { code: `${code}\n${stories.join('\n')}\n`, map: null };
    },
  };
}
