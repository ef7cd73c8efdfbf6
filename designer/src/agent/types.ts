/**
 * The agent API's shapes (runtime/src/agents/types.ts, runtime/src/center/types.ts) as the panel
 * reads them. Snapshots and events keep Connect's agent event stream field names.
 */

// Type-only: nothing of the runtime reaches the bundle, and the panel reads the server's own shapes.
export type {
  ContactDetails,
  ParticipantsChanged,
  ParticipantView as Participant,
} from '../../../runtime/src/agents/types.js';
export type {
  AgentContact,
  AgentEvent,
  AgentSnapshot,
  QuickConnectView as QuickConnect,
} from '../../../runtime/src/center/types.js';

import type { ContactDetails } from '../../../runtime/src/agents/types.js';
import type { AgentContact, AgentSnapshot } from '../../../runtime/src/center/types.js';

export type ContactState = AgentContact['State'];
export type { AgentStatus as AgentStatusChoice } from '../../../runtime/src/routing/types.js';

/** GET /instances/:instance/agent, and what every agent action answers. */
export interface AgentState {
  user: { id: string; arn: string; username: string };
  snapshot: AgentSnapshot | null;
  customStatuses: readonly string[];
  contacts: ContactDetails[];
}
