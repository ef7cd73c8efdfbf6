import type { BlockSpec } from '../types.js';

export const contactBlocks: BlockSpec[] = [];
