import { FLOW_TYPE_BY_METADATA, FLOW_TYPES, type FlowType } from '../catalog/vocabulary.js';
import type { FlowModel } from '../model/types.js';

/** Accepts the API spelling (CONTACT_FLOW) or the export's Metadata.type spelling (contactFlow). */
export function parseFlowType(value: string): FlowType | undefined {
  if ((FLOW_TYPES as readonly string[]).includes(value)) return value as FlowType;
  // Own keys only: "hasOwnProperty" or "constructor" would otherwise name a function of Object.prototype.
  return Object.hasOwn(FLOW_TYPE_BY_METADATA, value) ? FLOW_TYPE_BY_METADATA[value] : undefined;
}

/**
 * The flow type a document declares: Metadata.type, else MODULE when it has module Settings or a
 * Return block. Undefined when nothing says (hand-written files): then restrictions are not checked.
 */
export function declaredFlowType(model: FlowModel): { type: FlowType | undefined; raw: string | undefined } {
  const raw = model.metadata?.type;
  if (typeof raw === 'string' && raw !== '') return { type: parseFlowType(raw), raw };
  if (model.settings !== undefined || model.actions.some((a) => a.type === 'EndFlowModuleExecution')) {
    return { type: 'MODULE', raw: undefined };
  }
  return { type: undefined, raw: undefined };
}
