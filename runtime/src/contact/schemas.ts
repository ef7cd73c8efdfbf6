import { callerScriptSchema } from './script.js';

/** The files of `schemas/` the contact runner owns, by name (`pnpm schemas`). */
export function renderContactSchemas(): Map<string, string> {
  return new Map([['caller-script.schema.json', `${JSON.stringify(callerScriptSchema, null, 2)}\n`]]);
}
