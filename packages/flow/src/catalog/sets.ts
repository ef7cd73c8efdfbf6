import { CHANNELS, type Channel, FLOW_TYPES, type FlowType } from './vocabulary.js';

// Connect phrases restrictions in UI terms (reference §3.0). Modules run inside inbound flows, so
// blocks allowed in inbound flows are allowed in modules unless Connect says otherwise.
export const ALL_FLOW_TYPES: readonly FlowType[] = FLOW_TYPES;
export const INBOUND: readonly FlowType[] = ['CONTACT_FLOW', 'MODULE'];
export const TRANSFER: readonly FlowType[] = ['AGENT_TRANSFER', 'QUEUE_TRANSFER'];
export const INBOUND_AND_TRANSFER: readonly FlowType[] = [...INBOUND, ...TRANSFER];
export const INBOUND_TRANSFER_QUEUE: readonly FlowType[] = [...INBOUND_AND_TRANSFER, 'CUSTOMER_QUEUE'];
export const WHISPER: readonly FlowType[] = ['CUSTOMER_WHISPER', 'AGENT_WHISPER', 'OUTBOUND_WHISPER'];
export const HOLD: readonly FlowType[] = ['CUSTOMER_HOLD', 'AGENT_HOLD'];

export const ALL_CHANNELS: readonly Channel[] = CHANNELS;
export const VOICE: readonly Channel[] = ['VOICE'];
export const CHAT: readonly Channel[] = ['CHAT'];
