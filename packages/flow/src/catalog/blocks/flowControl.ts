import type { BlockSpec } from '../types.js';

export const flowControlBlocks: BlockSpec[] = [];
