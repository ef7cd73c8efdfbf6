import type { FlowModel } from '@parley/flow';
import type { ReactNode } from 'react';
import type { CanvasOverlay } from '../system/index.js';

/** What a side panel can see of the flow being edited and do to the canvas. */
export interface PanelContext {
  /** The draft as edited, saved or not. */
  model: FlowModel;
  flowType: string;
  /** The draft serialized as it would be saved. */
  content(): string;
  /** The version the draft is based on (0 for a flow without one). */
  version: number;
  /** The draft has changes not saved yet (what leaving the editor would lose). */
  dirty?: boolean;
  /** Block names by action id, for lists that name blocks. */
  labels: ReadonlyMap<string, string>;
  /** Lays marks over the canvas (undefined clears them). */
  setOverlay(overlay: CanvasOverlay | undefined): void;
  /** Selects a block and centres the view on it. */
  focusBlock(id: string): void;
}

/**
 * A tab beside the canvas (test call, versions, replay). The app shell supplies them, so the
 * editor needs no knowledge of the API they talk to.
 */
export interface SidePanel {
  id: string;
  title: string;
  /**
   * Kept mounted (hidden) under other tabs, for a panel whose work goes on there (a test call).
   * Others render only while shown: a hidden Versions list cost a 2,000-block flow half its
   * panning frame rate (pnpm bench).
   */
  keepMounted?: boolean;
  render(context: PanelContext): ReactNode;
}
