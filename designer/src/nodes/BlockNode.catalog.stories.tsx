import type { Meta } from '@storybook/react-vite';
import { useMemo } from 'react';
import { BlockCanvas } from '../stories/BlockCanvas.js';
import { storyFlows } from '../stories/flows.js';
import { blockSample } from './block-sample.js';

/**
 * The stories of every catalog block. This module exports none by hand: Storybook's indexer and a
 * Vite plugin (.storybook/blocks.ts) add one per catalog entry (block-stories.ts), so a block added
 * to the catalog has its story with no file to edit.
 */
function CatalogBlock({ type }: { type: string }) {
  const sample = useMemo(() => blockSample(type, storyFlows()), [type]);
  return <BlockCanvas node={sample.node} />;
}

export default {
  title: 'Blocks',
  component: CatalogBlock,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof CatalogBlock>;
