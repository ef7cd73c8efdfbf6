import { getBlock } from '@parley/flow';

/**
 * A flow-log entry exactly as Connect writes it to CloudWatch (reference §6.2): the flow ARN under
 * the misleading name `ContactFlowId`, the legacy block name, the resolved parameters stringified
 * and under their legacy names, `Results` when the block has an outcome to tell and `ExternalResults`
 * only when a Lambda succeeded.
 */
export interface FlowLogEntry {
  ContactId: string;
  ContactFlowId: string;
  ContactFlowName: string;
  ContactFlowModuleType: string;
  Identifier: string;
  Timestamp: string;
  Parameters: LogParameters;
  Results?: string;
  ExternalResults?: Record<string, unknown>;
}

/** Parameters as logs hold them: every leaf a string, structure kept. */
export type LogValue = string | LogValue[] | { [key: string]: LogValue };
export type LogParameters = { [key: string]: LogValue };

export interface FlowRef {
  /** The flow's ARN; Connect logs it as `ContactFlowId`. */
  arn: string;
  name: string;
}

export interface ActionRef {
  Identifier: string;
  /** The Flow-language `Type`; the log carries its legacy name from the catalog. */
  Type: string;
}

export interface BlockExecution {
  contactId: string;
  flow: FlowRef;
  action: ActionRef;
  /** The block's parameters with every dynamic value already resolved. */
  parameters: Readonly<Record<string, unknown>>;
  results?: string;
  /** The Lambda response; pass it only when the invocation succeeded. */
  externalResults?: Readonly<Record<string, unknown>>;
}

/** The entries one block execution writes, stamped with the time `now()` gives (epoch ms). */
export function flowLogEntries(execution: BlockExecution, now: () => number): FlowLogEntry[] {
  const { action } = execution;
  const timestamp = isoTime(now());
  const moduleType = getBlock(action.Type)?.logModuleType ?? action.Type;
  // Built key by key in Connect's order: spreading a shared head into each entry costs more than
  // the rest of the entry on V8.
  const entry = (Parameters: LogParameters): FlowLogEntry => {
    const e: FlowLogEntry = {
      ContactId: execution.contactId,
      ContactFlowId: execution.flow.arn,
      ContactFlowName: execution.flow.name,
      ContactFlowModuleType: moduleType,
      Identifier: action.Identifier,
      Timestamp: timestamp,
      Parameters,
    };
    if (execution.results !== undefined) e.Results = execution.results;
    if (execution.externalResults !== undefined)
      e.ExternalResults = structuredClone(execution.externalResults) as Record<string, unknown>;
    return e;
  };
  if (action.Type === 'UpdateContactAttributes') return attributeParameters(execution.parameters).map(entry);
  return [entry(logParameters(action.Type, execution.parameters))];
}

let lastMs = Number.NaN;
let lastIso = '';
/** `toISOString` of epoch ms, remembered for the last one: the blocks of a busy moment share it. */
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/**
 * Set contact attributes logs one entry per attribute, named the legacy way (the only real sample,
 * reference §6.3, has exactly this key order). A block setting nothing still shows in the path.
 */
function attributeParameters(parameters: Readonly<Record<string, unknown>>): LogParameters[] {
  const related = parameters.TargetContact === 'Related' ? 'true' : 'false';
  const attributes = parameters.Attributes;
  if (!isRecord(attributes) || Object.keys(attributes).length === 0) {
    return [{ AddAttributeToRelatedContact: related }];
  }
  return Object.entries(attributes).map(([Key, value]) => ({
    Value: stringifyLeaves(value),
    AddAttributeToRelatedContact: related,
    Key,
  }));
}

type Rename = (value: unknown, all: Readonly<Record<string, unknown>>) => LogParameters;

/** What a flow log shows in place of a secret. */
export const HIDDEN = '(hidden)';

/**
 * The legacy parameter names flow logs are known to use (reference §6.2/§6.3). Parameters of other
 * blocks keep their Flow-language names: Connect's log spelling for them has not been observed.
 */
const LEGACY_PARAMETERS: Readonly<Record<string, Readonly<Record<string, Rename>>>> = {
  InvokeLambdaFunction: {
    LambdaFunctionARN: (v) => ({ FunctionArn: stringifyLeaves(v) }),
    // Logged in milliseconds.
    InvocationTimeLimitSeconds: (v) => {
      const seconds = Number(v);
      return {
        TimeLimit: Number.isFinite(seconds) ? String(Math.round(seconds * 1000)) : stringifyLeaves(v),
      };
    },
    ResponseValidation: (v) =>
      isRecord(v) && typeof v.ResponseType === 'string'
        ? { ResponseValidation: `ResponseType=${v.ResponseType}` }
        : { ResponseValidation: stringifyLeaves(v) },
  },
  UpdateContactTargetQueue: { QueueId: (v) => ({ Queue: stringifyLeaves(v) }) },
  // The key that seals stored input is the block's configuration, not what happened on the call:
  // the log names it by EncryptionKeyId and leaves the key material out.
  GetParticipantInput: {
    InputEncryption: (v) =>
      isRecord(v) && v.Key !== undefined
        ? { InputEncryption: stringifyLeaves({ ...v, Key: HIDDEN }) }
        : { InputEncryption: stringifyLeaves(v) },
  },
};

/** A block's resolved parameters as Connect's log shows them: legacy names where known, strings throughout. */
export function logParameters(type: string, parameters: Readonly<Record<string, unknown>>): LogParameters {
  const renames = LEGACY_PARAMETERS[type] ?? {};
  const out: LogParameters = {};
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined) continue;
    const rename = renames[name];
    Object.assign(out, rename ? rename(value, parameters) : { [name]: stringifyLeaves(value) });
  }
  return out;
}

/** Exports and logs write numbers and booleans as strings ("8", "true"); null becomes "". */
export function stringifyLeaves(value: unknown): LogValue {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(stringifyLeaves);
  if (isRecord(value)) {
    const out: { [key: string]: LogValue } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stringifyLeaves(v);
    return out;
  }
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
