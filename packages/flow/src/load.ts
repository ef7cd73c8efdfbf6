import type { FlowType } from './catalog/vocabulary.js';
import { type Diagnostic, diagnostic } from './diagnostics/diagnostic.js';
import { checkShape, readJson } from './input/read.js';
import { convertLegacy, isLegacyDocument } from './legacy/index.js';
import { jsonEqual } from './model/equal.js';
import { isJsonObject as isObj } from './model/model.js';
import { toDocument } from './model/serialize.js';
import type { FlowModel, JsonObject } from './model/types.js';
import { type ValidateOptions, validateParsed } from './validate/validate.js';

export type FlowFormat = 'modern' | 'legacy';

export interface LoadedFlow {
  /** Undefined when the input is not a flow document at all. */
  format: FlowFormat | undefined;
  /** The 2019-10-30 document (converted, for legacy input). */
  document: JsonObject | undefined;
  model: FlowModel | undefined;
  flowType: FlowType | undefined;
  /** Whether parse → model → serialize gives back a document equal to the (converted) input. */
  roundTrip: boolean;
  diagnostics: Diagnostic[];
}

/**
 * The whole front door: bytes, text or an already-parsed value in; a validated model and every
 * problem as a coded diagnostic out. Never throws on any input.
 */
export function loadFlow(
  input: Uint8Array | string | { json: unknown },
  options: ValidateOptions = {},
): LoadedFlow {
  const failed = (diagnostics: Diagnostic[]): LoadedFlow => ({
    format: undefined,
    document: undefined,
    model: undefined,
    flowType: undefined,
    roundTrip: false,
    diagnostics,
  });
  let value: unknown;
  let contentLength: number | undefined;
  if (typeof input === 'object' && !(input instanceof Uint8Array)) {
    // A value parsed elsewhere (an API body) gets the limits text gets: the validator, the model and
    // whatever saves it walk it recursively, and what is saved must read back.
    const shape = checkShape(input.json);
    if (shape && !shape.ok) return failed(shape.diagnostics);
    value = input.json;
  } else {
    const read = readJson(input);
    if (!read.ok) return failed(read.diagnostics);
    value = read.value;
    contentLength = read.length;
  }

  const notes: Diagnostic[] = [];
  let format: FlowFormat = 'modern';
  if (isLegacyDocument(value)) {
    format = 'legacy';
    const converted = convertLegacy(value as Parameters<typeof convertLegacy>[0]);
    notes.push(
      diagnostic(
        'LEGACY_CONVERTED',
        'Converted from the pre-2019 console format to the 2019-10-30 flow language',
      ),
      ...converted.notes.map((n) => diagnostic(n.code, n.message, { actionId: n.actionId, path: n.path })),
    );
    // Conversion moves legacy metadata a level or two deeper and spells names out as JSONPath.
    const shape = checkShape(converted.flow);
    if (shape && !shape.ok) return failed([...notes, ...shape.diagnostics]);
    value = converted.flow;
  } else if (isObj(value) && !('Version' in value) && !('Actions' in value)) {
    return failed([
      diagnostic(
        'DOC_FORMAT_UNKNOWN',
        'This is not a flow: it has neither Version and Actions (2019-10-30) nor modules (legacy)',
      ),
    ]);
  }

  // A converted legacy file is measured as the document it became.
  const length = format === 'modern' ? contentLength : undefined;
  const { diagnostics, model, flowType } = validateParsed(
    value,
    length === undefined ? options : { ...options, contentLength: length },
  );
  const document = isObj(value) ? value : undefined;
  const roundTrip = model !== undefined && document !== undefined && jsonEqual(toDocument(model), document);
  return {
    format: model ? format : undefined,
    document,
    model,
    flowType,
    roundTrip,
    diagnostics: [...notes, ...diagnostics],
  };
}
