/**
 * The designer's framework-free core: flow model ⇄ canvas graph, pure edits, palette and history.
 * No React and no DOM here, so it is tested with plain Vitest and could serve another UI.
 */
export { branchesOf, parseBranchId } from './branches.js';
export { copyBlocks, type Pasted, pasteBlocks } from './clipboard.js';
export { addCondition, removeCondition, updateCondition } from './conditions.js';
export {
  addBlock,
  connect,
  defaultParameters,
  disconnect,
  moveBlocks,
  moveEntryPoint,
  newActionId,
  removeBlocks,
  setParameters,
  setStart,
} from './edit.js';
export { emptyFlowDocument } from './empty.js';
export { layoutPositions, type ToGraphOptions, toGraph } from './graph.js';
export { createHistory, HISTORY_LIMIT, type History } from './history.js';
export { type BlockMark, type CanvasOverlay, type EdgeMark, pathOverlay } from './overlay.js';
export { type PaletteEntry, type PaletteGroup, palette, searchPalette } from './palette.js';
export { renameBlock, renameProblem } from './rename.js';
export type * from './types.js';
