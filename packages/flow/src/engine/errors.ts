import { CODES, type Code } from '../diagnostics/codes.js';

/**
 * The engine's own problems: things a flow can ask for at run time that cannot be done (a hostile
 * JSONPath, an hours resource with a bad time zone…). They are not validator diagnostics: they travel
 * in `Results` of the flow log and pick the action's error branch, so the call carries on as Connect's
 * would instead of crashing.
 */
/** The engine's codes, documented with every other code in the one catalogue. */
export type EngineErrorCode = Extract<Code, `ENGINE_${string}`>;

export const ENGINE_ERRORS = Object.fromEntries(
  Object.entries(CODES).filter(([code]) => code.startsWith('ENGINE_')),
) as Pick<typeof CODES, EngineErrorCode>;

export interface EngineError {
  code: EngineErrorCode;
  message: string;
}

export const engineError = (code: EngineErrorCode, message: string): EngineError => ({ code, message });

/** The text the flow log shows for an error, code first so it can be searched. */
export const describeError = (e: EngineError): string => `${e.code}: ${e.message}`;
