import type { BlockSpec } from '../types.js';

export const otherBlocks: BlockSpec[] = [];
