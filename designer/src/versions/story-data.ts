import type { FlowModel } from '@parley/flow';
import type { VersionHistory } from '../app/api.js';
import { storyFlow } from '../stories/flows.js';
import { compareFlows, type FlowComparison } from '../system/diff-overlay.js';
import { addBlock, connect, removeBlocks, setParameters } from '../system/index.js';

// Blocks of the inbound IVR fixture the stories change.
const MENU = 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8';
const RETRY = '84228566-7217-5201-b2d4-19437ea3684e';
const BUSY = 'b7b71dc1-f928-5255-b131-9f330994b317';
const GOODBYE = '486338f6-9caa-5f3c-93f9-ce9b2c50834e';

/** The inbound IVR fixture as version 1, and a version 2 with one change of each kind. */
export function storyVersions(): { before: FlowModel; after: FlowModel; flowType: string } {
  const ivr = storyFlow('inbound-main-ivr.json');
  let after = setParameters(ivr.model, RETRY, { Text: 'Sorry, I did not get that. Let us try again.' });
  after = removeBlocks(after, [BUSY]);
  after = addBlock(after, 'MessageParticipant', { x: 2400, y: 700 }, 'Survey offer');
  after = connect(after, 'Survey offer', 'next', GOODBYE);
  after = connect(after, MENU, 'condition:0', 'Survey offer');
  return { before: ivr.model, after, flowType: ivr.flowType ?? 'CONTACT_FLOW' };
}

export function storyComparison(): FlowComparison {
  const { before, after } = storyVersions();
  return compareFlows(before, after, 'Changes from version 1 to version 2');
}

/** Five versions, the second published (a rollback), as the API lists them. */
export const storyHistory: VersionHistory = {
  versions: [5, 4, 3, 2, 1].map((version) => ({
    version,
    hash: `hash${version}`,
    author: version % 2 ? 'ada' : 'grace',
    message: ['Demo', 'Warmer welcome', 'Survey offer', '', 'Restore version 2'][version - 1] ?? '',
    errors: version === 4 ? 2 : 0,
    warnings: version === 3 ? 1 : 0,
    createdAt: new Date(Date.UTC(2025, 0, version)).toISOString(),
  })),
  publications: [
    { version: 2, action: 'rollback', actor: 'ada', at: new Date(Date.UTC(2025, 0, 6)).toISOString() },
    { version: 4, action: 'publish', actor: 'grace', at: new Date(Date.UTC(2025, 0, 4)).toISOString() },
  ],
};
