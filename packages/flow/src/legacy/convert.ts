import { isJsonObject } from '../model/model.js';
import type { JsonObject } from '../model/types.js';
import { ActionBuilder, assign } from './builder.js';
import { applyRule, type LegacyRule, type ParamRule } from './rule.js';
import { LEGACY_RULES } from './table.js';
import type { LegacyConversion, LegacyDocument, LegacyModule, LegacyNote } from './types.js';
import { own } from './values.js';

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * True for a pre-2019 console export: an object with `modules` and none of the 2019-10-30 keys.
 * A malformed `modules` still counts (convertLegacy reports it) so the user gets legacy-specific notes.
 */
export function isLegacyDocument(doc: unknown): boolean {
  return isJsonObject(doc) && 'modules' in doc && !('Actions' in doc) && !('Version' in doc);
}

/** Carries an unknown module's parameters over verbatim (resolved), so nothing is silently lost. */
const keepParameter: ParamRule = (b, p, i) => {
  const r = b.resolve(p, i);
  if (!r) return;
  if (typeof p.key === 'string' && p.key !== '') b.setEntry(p.name, p.key, r.value);
  else assign(b.parameters, p.name, r.value);
};

function unknownRule(m: LegacyModule): LegacyRule {
  const names = Array.isArray(m.parameters)
    ? m.parameters.map((p) => p?.name).filter((n) => typeof n === 'string')
    : [];
  return {
    type: m.type,
    params: Object.fromEntries(names.map((n) => [n, keepParameter])),
    branches: { Error: { error: 'NoMatchingError' } },
  };
}

function ruleFor(m: LegacyModule, flowType: string): LegacyRule | undefined {
  const entry = own(LEGACY_RULES, m.type);
  if (!entry || !('variants' in entry)) return entry;
  return own(entry.variants, entry.select(m, flowType));
}

function ordered(params: JsonObject, order: readonly string[] = []): JsonObject {
  const out: JsonObject = {};
  // Own keys only, and assigned as own properties: `in` sees Object.prototype, so a parameter called
  // "toString" or "__proto__" was silently dropped.
  for (const k of order) if (Object.hasOwn(params, k)) assign(out, k, params[k]);
  for (const [k, v] of Object.entries(params)) if (!Object.hasOwn(out, k)) assign(out, k, v);
  return out;
}

function convertModule(
  m: LegacyModule,
  index: number,
  flowType: string,
  notes: LegacyNote[],
): [JsonObject, JsonObject] {
  const b = new ActionBuilder(m, index, flowType, notes);
  let rule = ruleFor(m, flowType);
  const known = rule !== undefined;
  if (!rule) {
    rule = unknownRule(m);
    b.note(
      'LEGACY_MODULE_UNKNOWN',
      `legacy block type ${m.type} has no 2019-10-30 equivalent; kept as is`,
      `/modules/${index}`,
    );
  }
  if (m.branches !== undefined && !Array.isArray(m.branches)) {
    b.note(
      'LEGACY_BRANCH_UNKNOWN',
      'branches is not an array; no transitions carried over',
      `/modules/${index}/branches`,
    );
  }
  if (m.parameters !== undefined && !Array.isArray(m.parameters)) {
    b.note(
      'LEGACY_PARAMETER_DROPPED',
      'parameters is not an array; none carried over',
      `/modules/${index}/parameters`,
    );
  }
  applyRule(b, rule);
  const transitions: JsonObject = {};
  if (!rule.terminal) {
    if (b.next !== undefined) transitions.NextAction = b.next;
    if (b.conditions.length > 0) transitions.Conditions = b.conditions;
    if (b.errors.length > 0) transitions.Errors = b.errors;
  }
  const action = {
    Parameters: ordered(b.parameters, rule.order),
    Identifier: m.id,
    Type: rule.type,
    Transitions: transitions,
  };

  const legacyMeta = isJsonObject(m.metadata) ? m.metadata : {};
  const { position, parameters: legacyParamMeta, ...rest } = legacyMeta;
  const meta: JsonObject = position !== undefined ? { position, ...rest } : { ...rest };
  const paramMeta = { ...(isJsonObject(legacyParamMeta) ? legacyParamMeta : {}), ...b.parameterMetadata };
  if (Object.keys(paramMeta).length > 0) meta.parameters = paramMeta;
  if (!known) meta.legacyModule = m; // the original block, so an export can give it back
  return [action, meta];
}

/**
 * Converts a pre-2019 console export into a 2019-10-30 flow document. Identifiers, positions, the
 * flow's name/description/type and resource names are kept; whatever cannot be carried over is
 * reported as a note (never thrown).
 */
export function convertLegacy(doc: LegacyDocument): LegacyConversion {
  const notes: LegacyNote[] = [];
  const root: JsonObject = isJsonObject(doc) ? doc : {};
  const md: JsonObject = isJsonObject(root.metadata) ? root.metadata : {};
  const flowType = text(md.type) ?? text(root.type) ?? 'contactFlow';
  let modules: unknown[] = [];
  if (Array.isArray(root.modules)) modules = root.modules;
  else
    notes.push({
      code: 'LEGACY_MODULE_UNKNOWN',
      message: 'modules is not an array; no blocks converted',
      path: '/modules',
    });

  const actions: JsonObject[] = [];
  const actionMetadata: JsonObject = {};
  const seen = new Set<string>();
  modules.forEach((m, i) => {
    const path = `/modules/${i}`;
    if (!isJsonObject(m) || typeof m.id !== 'string' || m.id === '' || typeof m.type !== 'string') {
      const what = isJsonObject(m) ? 'has no id or type' : 'is not an object';
      notes.push({ code: 'LEGACY_MODULE_UNKNOWN', message: `module ${i} ${what}; skipped`, path });
      return;
    }
    if (seen.has(m.id)) {
      notes.push({
        code: 'LEGACY_MODULE_UNKNOWN',
        message: `module id ${m.id} is used twice; later copy skipped`,
        actionId: m.id,
        path,
      });
      return;
    }
    seen.add(m.id);
    const [action, meta] = convertModule(m as unknown as LegacyModule, i, flowType, notes);
    actions.push(action);
    assign(actionMetadata, m.id, meta);
  });

  const metadata: JsonObject = {};
  if (md.entryPointPosition !== undefined) metadata.entryPointPosition = md.entryPointPosition;
  if (typeof md.snapToGrid === 'boolean') metadata.snapToGrid = md.snapToGrid;
  metadata.ActionMetadata = actionMetadata;
  metadata.name = text(md.name) ?? '';
  metadata.description = text(md.description) ?? '';
  metadata.type = flowType;
  if (typeof md.status === 'string') metadata.status = md.status;

  const flow: JsonObject = { Version: '2019-10-30' };
  if (typeof root.start === 'string') flow.StartAction = root.start;
  flow.Metadata = metadata;
  flow.Actions = actions;
  return { flow, notes };
}
