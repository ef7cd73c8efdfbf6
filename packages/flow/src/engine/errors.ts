/**
 * The engine's own problems: things a flow can ask for at run time that cannot be done (a hostile
 * JSONPath, an hours resource with a bad time zone…). They are not validator diagnostics: they travel
 * in `Results` of the flow log and pick the action's error branch, so the call carries on as Connect's
 * would instead of crashing.
 */
export const ENGINE_ERRORS = {
  ENGINE_PATH_INVALID:
    'Not a JSONPath of the flow language: filters, scripts, wildcards, unions and recursive descent are refused.',
  ENGINE_PATH_UNSAFE: 'A quoted JSONPath segment uses characters no flow-data key can contain.',
  ENGINE_PATH_UNKNOWN: 'The JSONPath does not address the flow data ($.Attributes, $.External, $.Queue…).',
  ENGINE_VALUE_MISSING: 'A whole-value reference names nothing on this contact.',
  ENGINE_PARAMETER_INVALID: 'A parameter has a value the action cannot use.',
  ENGINE_RESOURCE_NOT_FOUND: 'A referenced queue, agent, flow or hours of operation does not exist.',
  ENGINE_HOURS_INVALID: 'An hours of operation resource cannot be evaluated (time zone, times).',
  ENGINE_ATTRIBUTES_TOO_LARGE: 'Contact attributes would exceed 32 KB.',
  ENGINE_NO_SUCH_ACTION: 'A branch names an Identifier no action of the flow has; the flow ends there.',
  ENGINE_NO_EXECUTOR: 'The runtime provides no executor for this block type.',
  ENGINE_BAD_STEP: 'An executor returned something that is not a step result.',
  ENGINE_EXECUTOR_FAILED: 'An executor threw instead of returning an outcome.',
} as const;

export type EngineErrorCode = keyof typeof ENGINE_ERRORS;

export interface EngineError {
  code: EngineErrorCode;
  message: string;
}

export const engineError = (code: EngineErrorCode, message: string): EngineError => ({ code, message });

/** The text the flow log shows for an error, code first so it can be searched. */
export const describeError = (e: EngineError): string => `${e.code}: ${e.message}`;
