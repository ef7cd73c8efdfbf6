import type { ResourceKind } from '../catalog/vocabulary.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { loadFlow } from '../load.js';
import { isJsonObject } from '../model/model.js';
import { updateMetadata } from './names.js';
import { resolveReference } from './resolve.js';
import type {
  FlowReference,
  ImportedReference,
  ImportOptions,
  ImportPlan,
  ReferenceResolution,
  ResourceDirectory,
} from './types.js';
import { findReferences } from './walk.js';
import { DocumentWriter } from './write.js';

/** How messages name each kind of resource. */
export const KIND_LABELS: Readonly<Record<ResourceKind, string>> = {
  queue: 'queue',
  agent: 'agent',
  flow: 'flow',
  module: 'flow module',
  prompt: 'prompt',
  hours: 'hours of operation',
  lambda: 'Lambda function',
  lexBot: 'Lex bot',
  lexV2Alias: 'Lex V2 bot alias',
  view: 'view',
  phoneNumber: 'phone number',
  wisdomAssistant: 'Q in Connect assistant',
  wisdomKnowledgeBase: 'knowledge base',
  messageTemplate: 'message template',
  taskTemplate: 'task template',
  caseTemplate: 'case template',
  emailAddress: 'email address',
};

/**
 * The loader's findings that concern the document as a whole (what it is, its conversion from the
 * legacy format). Block-level findings are `parley validate`'s; an import reports its own.
 */
const DOCUMENT_LEVEL = /^(DOC_|LEGACY_|FLOW_TYPE_UNKNOWN$)/;

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

function unresolvedMessage(ref: FlowReference, r: ReferenceResolution): string {
  const label = KIND_LABELS[ref.kind];
  const at = ref.parameter;
  if (r.mappedTo !== undefined)
    return `${at}: the mapping sends "${r.mappedFrom}" to "${r.mappedTo}", and this instance has no such ${label}; kept as written`;
  if (ref.placeholder)
    return ref.name === undefined
      ? `${at}: the placeholder "${ref.value}" is not in the mapping, and Metadata gives no name to find the ${label} by; kept as written`
      : `${at}: the placeholder "${ref.value}" is not in the mapping, and no ${label} of this instance is named "${ref.name}"; kept as written`;
  const tried = ref.value.trim().startsWith('arn:')
    ? [`the ARN "${ref.value}"`, 'its ID']
    : [`the ID or name "${ref.value}"`];
  if (ref.name !== undefined) tried.push(`the name "${ref.name}"`);
  const list = tried.length === 1 ? tried[0] : `${tried.slice(0, -1).join(', ')} or ${tried.at(-1)}`;
  return `${at}: no ${label} of this instance has ${list}; kept as written`;
}

/** Checks the mapping's values at run time: it usually comes from a JSON file. */
function usableMap(map: ImportOptions['map'], errors: Diagnostic[]): Readonly<Record<string, string>> {
  if (map === undefined) return {};
  if (!isJsonObject(map)) {
    errors.push(diagnostic('IMPORT_MAP_INVALID', 'The mapping is not an object of old value → new value'));
    return {};
  }
  for (const [k, v] of Object.entries(map))
    if (typeof v !== 'string' || v.trim() === '')
      errors.push(diagnostic('IMPORT_MAP_INVALID', `The mapping of "${k}" is not a non-empty string`));
  return map;
}

/**
 * Plans the import of a flow (modern or legacy; bytes, text or parsed JSON) into an instance: every
 * reference resolved (see resolveReference) and rewritten to the target's ARN, in Parameters and in
 * the Metadata that mirrors it. Unresolved references are kept as written with a warning: the flow
 * can be saved but not published. Never throws.
 */
export function planImport(
  input: unknown,
  directory: ResourceDirectory,
  options: ImportOptions = {},
): ImportPlan {
  const loaded = loadFlow(typeof input === 'string' || input instanceof Uint8Array ? input : { json: input });
  if (!loaded.model || !loaded.document)
    return { report: { flowType: null, references: [], errors: loaded.diagnostics } };
  const { model } = loaded;
  const errors = loaded.diagnostics.filter((d) => DOCUMENT_LEVEL.test(d.code));
  const target = options.targetFlowType;
  const declared = loaded.flowType;
  const mismatch = declared !== undefined && target !== undefined && declared !== target;
  if (mismatch)
    errors.push(
      diagnostic(
        'IMPORT_FLOW_TYPE_MISMATCH',
        `this is ${article(declared)} ${declared} flow; the target is ${article(target)} ${target}`,
      ),
    );

  const map = usableMap(options.map, errors);
  const used = new Set<string>();
  const writer = new DocumentWriter(loaded.document);
  const references: ImportedReference[] = [];

  for (const ref of findReferences(model)) {
    const r = resolveReference(ref, directory, map);
    if (r.mappedFrom !== undefined) used.add(r.mappedFrom);
    references.push({
      actionId: ref.actionId,
      parameter: ref.parameter,
      kind: ref.kind,
      arn: ref.value,
      name: ref.name ?? null,
      resolution: r.resolution,
      target: r.target,
    });
    const where = { actionId: ref.actionId, path: ref.pointer };
    if (r.wrongKind !== undefined) {
      errors.push(
        diagnostic(
          'REFERENCE_WRONG_KIND',
          `${ref.parameter} expects ${article(KIND_LABELS[ref.kind])} ${KIND_LABELS[ref.kind]} but "${r.mappedTo ?? ref.value}" names ${article(KIND_LABELS[r.wrongKind])} ${KIND_LABELS[r.wrongKind]}`,
          where,
        ),
      );
      continue;
    }
    if (r.target === null) {
      errors.push(diagnostic('IMPORT_REFERENCE_UNRESOLVED', unresolvedMessage(ref, r), where));
      continue;
    }
    rewrite(writer, ref, r);
  }

  for (const key of Object.keys(map))
    if (!used.has(key))
      errors.push(
        diagnostic('IMPORT_MAP_UNUSED', `The mapping of "${key}" matched no reference of this flow`),
      );

  const { document } = writer;
  const name = isJsonObject(document.Metadata) ? document.Metadata.name : undefined;
  const report = {
    flowType: declared ?? target ?? null,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    references,
    errors,
  };
  return mismatch ? { report } : { report, document };
}

function rewrite(writer: DocumentWriter, ref: FlowReference, r: ReferenceResolution): void {
  const target = r.target as string;
  const rename = r.entry !== undefined && r.entry.name !== ref.name;
  if (target === ref.value && !rename) return;
  const am = writer.actionMetadata(ref.actionId);
  if (am) updateMetadata(am, ref, { value: target, ...(rename ? { name: r.entry?.name } : {}) });
  if (target !== ref.value) writer.setValue(ref, target);
}
