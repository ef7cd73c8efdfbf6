import type { BlockSpec } from '../types.js';

export const interactionBlocks: BlockSpec[] = [];
