import { contactBlocks } from './blocks/contact.js';
import { flowControlBlocks } from './blocks/flowControl.js';
import { interactionBlocks } from './blocks/interaction.js';
import { otherBlocks } from './blocks/other.js';
import { participantBlocks } from './blocks/participant.js';
import type { BlockSpec } from './types.js';

export type { BlockSpec, BlockStatus, BlockVariant, ResultSpec } from './types.js';
export * from './vocabulary.js';

/** Every action type Parley knows, keyed by Flow-language `Type`. */
export const CATALOG: ReadonlyMap<string, BlockSpec> = new Map(
  [...participantBlocks, ...contactBlocks, ...flowControlBlocks, ...interactionBlocks, ...otherBlocks].map(
    (b) => [b.type, b],
  ),
);

export function getBlock(type: string): BlockSpec | undefined {
  return CATALOG.get(type);
}

/** Blocks a flow author may place: the ones valid in 2019-10-30 content. */
export function paletteBlocks(): BlockSpec[] {
  return [...CATALOG.values()].filter((b) => b.status === 'documented' || b.status === 'observed');
}
