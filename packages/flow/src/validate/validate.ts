import type { ValidateFunction } from 'ajv';
import { getBlock } from '../catalog/index.js';
import type { FlowType } from '../catalog/vocabulary.js';
import { type Diagnostic, diagnostic, pointer } from '../diagnostics/diagnostic.js';
import { FLOW_LANGUAGE_VERSION, FlowDocument } from '../document/schema.js';
import { LIMITS } from '../input/limits.js';
import { checkShape } from '../input/read.js';
import { END_OF_FLOW, forEachTarget, indexActions, isJsonObject, toModel } from '../model/model.js';
import type { ActionNode, FlowModel } from '../model/types.js';
import { getAjv } from './ajv.js';
import { fromAjv } from './ajv-errors.js';
import { declaredFlowType, parseFlowType } from './flow-type.js';
import { reachable } from './graph.js';
import { checkIdentifiers } from './identifiers.js';
import { checkParameters } from './parameters.js';
import { checkBranches } from './transitions.js';

export interface ValidateOptions {
  /** Overrides Metadata.type; API (CONTACT_FLOW) or export (contactFlow) spelling. */
  flowType?: string;
  /** Characters of the source text, for Connect's content limit; measured on compact JSON when absent. */
  contentLength?: number;
}

export interface Validation {
  diagnostics: Diagnostic[];
  /** The model, when the document is a flow at all (even one with errors). */
  model: FlowModel | undefined;
  flowType: FlowType | undefined;
}

let envelope: ValidateFunction | undefined;

/** Validates a parsed 2019-10-30 document. Never throws; every problem is a coded diagnostic. */
export function validateDocument(doc: unknown, options: ValidateOptions = {}): Validation {
  // A value parsed elsewhere may nest thousands of levels: ajv, the size measure and the walkers
  // below recurse, so it gets the reader's limits first.
  const shape = checkShape(doc);
  if (shape && !shape.ok) return { diagnostics: shape.diagnostics, model: undefined, flowType: undefined };
  return validateParsed(doc, options);
}

/** validateDocument for a value already within the reader's limits (loadFlow checked it). */
export function validateParsed(doc: unknown, options: ValidateOptions = {}): Validation {
  const out: Diagnostic[] = [];
  const none = (): Validation => ({ diagnostics: out, model: undefined, flowType: undefined });
  if (!isJsonObject(doc)) {
    out.push(
      diagnostic(
        'DOC_NOT_OBJECT',
        `A flow document is a JSON object, not ${Array.isArray(doc) ? 'an array' : typeof doc}`,
      ),
    );
    return none();
  }
  if (doc.Version !== FLOW_LANGUAGE_VERSION) {
    out.push(
      diagnostic(
        'DOC_VERSION_UNSUPPORTED',
        `Version is ${JSON.stringify(doc.Version)}; the flow language is "${FLOW_LANGUAGE_VERSION}"`,
        {
          path: '/Version',
        },
      ),
    );
  }
  if (Array.isArray(doc.Actions) && doc.Actions.length > LIMITS.maxActions) {
    out.push(
      diagnostic(
        'DOC_TOO_MANY_ACTIONS',
        `The flow has ${doc.Actions.length} actions; the limit is ${LIMITS.maxActions}`,
        { path: '/Actions' },
      ),
    );
    return none();
  }

  envelope ??= getAjv().compile(FlowDocument);
  envelope(doc);
  out.push(...envelopeDiagnostics(envelope.errors, doc.Actions));

  const model = toModel(doc);
  if (!model) return none();

  const flowType = resolveFlowType(model, options, out);
  checkSize(model, options.contentLength ?? JSON.stringify(doc).length, out);
  out.push(...checkIdentifiers(model));

  // Identifier → action, first one winning; reachability walks the same index.
  const ids = indexActions(model);
  if (model.startAction === undefined) {
    out.push(diagnostic('START_ACTION_MISSING', 'The flow has no StartAction', { path: '/StartAction' }));
  } else if (model.startAction === '') {
    out.push(
      diagnostic('START_ACTION_UNCONNECTED', 'The entry point is not connected to any action', {
        path: '/StartAction',
      }),
    );
  } else if (!ids.has(model.startAction)) {
    out.push(
      diagnostic(
        'START_ACTION_DANGLING',
        `StartAction "${model.startAction}" is not an action of this flow`,
        { path: '/StartAction' },
      ),
    );
  }

  model.actions.forEach((action, i) => {
    if ('raw' in action) return;
    const block = getBlock(action.type);
    checkTargets(action, i, ids, out);
    if (!block) {
      out.push(
        diagnostic(
          'ACTION_TYPE_UNKNOWN',
          `"${action.type}" is not an action type of the flow language`,
          typeAt(action, i),
        ),
      );
      return;
    }
    if (block.status === 'legacy') {
      out.push(
        diagnostic(
          'ACTION_TYPE_LEGACY',
          `"${action.type}" is a pre-2019 block name; the action type is ${block.replacedBy}`,
          typeAt(action, i),
        ),
      );
      return;
    }
    if (block.status === 'unverified') {
      out.push(
        diagnostic(
          'ACTION_TYPE_UNVERIFIED',
          `"${action.type}" has never been seen in a real Connect export; Parley cannot run it`,
          typeAt(action, i),
        ),
      );
      return;
    }
    if (block.notProvided) {
      // Not a reason to stop checking: the action is valid Connect content, only Parley cannot run it.
      out.push(
        diagnostic(
          'BLOCK_NOT_PROVIDED',
          `${block.ui.label} needs ${block.notProvided}, which Parley does not provide: it will take its error branch`,
          typeAt(action, i),
        ),
      );
    }
    if (flowType && !block.flowTypes.includes(flowType)) {
      out.push(
        diagnostic(
          'ACTION_NOT_ALLOWED_IN_FLOW_TYPE',
          `${block.ui.label} (${block.type}) is not allowed in ${flowType} flows`,
          typeAt(action, i),
        ),
      );
    }
    out.push(...checkParameters(action, block, i), ...checkBranches(action, block, i));
  });

  const live = reachable(model, ids);
  model.actions.forEach((a, i) => {
    if ('raw' in a) return;
    if (!live.has(a.id) && ids.has(model.startAction ?? '')) {
      out.push(
        diagnostic('ACTION_UNREACHABLE', `No path from the start reaches "${a.id}"`, {
          actionId: a.id,
          path: pointer('Actions', i),
        }),
      );
    }
  });

  const actionMetadata = model.metadata?.ActionMetadata;
  if (typeof actionMetadata === 'object' && actionMetadata !== null) {
    for (const id of Object.keys(actionMetadata)) {
      if (!ids.has(id)) {
        out.push(
          diagnostic('METADATA_ORPHAN', `Metadata describes "${id}", which is not an action`, {
            path: pointer('Metadata', 'ActionMetadata', id),
          }),
        );
      }
    }
  }
  if (flowType === 'MODULE' && model.settings === undefined) {
    out.push(
      diagnostic(
        'MODULE_SETTINGS_MISSING',
        'The module has no Settings (InputParameters, OutputParameters, Transitions)',
        { path: '/Settings' },
      ),
    );
  }
  return { diagnostics: out, model, flowType };
}

/**
 * Where an action's block-level diagnostics point; a function rather than a closure per action, which
 * costs more than the checks themselves on large flows (tsx names every closure it creates).
 */
const typeAt = (action: ActionNode, i: number) => ({
  actionId: action.id,
  path: pointer('Actions', i, 'Type'),
});

function envelopeDiagnostics(errors: Parameters<typeof fromAjv>[0], actions: unknown): Diagnostic[] {
  const identifierAt = (path: string | undefined) => {
    const i = /^\/Actions\/(\d+)/.exec(path ?? '')?.[1];
    const id: unknown =
      i !== undefined && Array.isArray(actions)
        ? (actions[Number(i)] as { Identifier?: unknown } | null)?.Identifier
        : undefined;
    return typeof id === 'string' ? id : undefined;
  };
  return fromAjv(errors, {
    base: '',
    fallback: 'DOC_SCHEMA',
    label: (p) => (p ? p.slice(1).replaceAll('/', '.') : 'The document'),
  })
    .filter((d) => d.path !== '/Version') // reported on its own, with a clearer message
    .map((d) => {
      const actionId = identifierAt(d.path);
      // A malformed condition has a code of its own that users can look up.
      const code = /\/Conditions\/\d+/.test(d.path ?? '') ? ('CONDITION_MALFORMED' as const) : d.code;
      return { ...d, code, ...(actionId === undefined ? {} : { actionId }) };
    });
}

function resolveFlowType(
  model: FlowModel,
  options: ValidateOptions,
  out: Diagnostic[],
): FlowType | undefined {
  if (options.flowType !== undefined) {
    const t = parseFlowType(options.flowType);
    if (!t)
      out.push(diagnostic('FLOW_TYPE_UNKNOWN', `Flow type "${options.flowType}" is not a Connect flow type`));
    return t;
  }
  const { type, raw } = declaredFlowType(model);
  if (raw !== undefined && !type) {
    out.push(
      diagnostic('FLOW_TYPE_UNKNOWN', `Metadata.type "${raw}" is not a Connect flow type`, {
        path: '/Metadata/type',
      }),
    );
  }
  return type;
}

function checkSize(model: FlowModel, length: number, out: Diagnostic[]): void {
  if (model.actions.length > LIMITS.connectMaxActions) {
    out.push(
      diagnostic(
        'DOC_OVER_CONNECT_ACTION_LIMIT',
        `The flow has ${model.actions.length} actions; Connect accepts at most ${LIMITS.connectMaxActions}`,
        { path: '/Actions' },
      ),
    );
  }
  if (length > LIMITS.connectMaxCharacters) {
    out.push(
      diagnostic(
        'DOC_OVER_CONNECT_SIZE_LIMIT',
        `The flow is ${length} characters; Connect accepts at most ${LIMITS.connectMaxCharacters}`,
      ),
    );
  }
}

function checkTargets(
  action: ActionNode,
  i: number,
  ids: ReadonlyMap<string, ActionNode>,
  out: Diagnostic[],
): void {
  if (!action.transitions) return;
  forEachTarget(action.transitions, (target, kind, j) => {
    if (target === END_OF_FLOW || (target !== '' && ids.has(target))) return;
    const branch =
      kind === 'next' ? ['NextAction'] : [kind === 'condition' ? 'Conditions' : 'Errors', j, 'NextAction'];
    const where = { actionId: action.id, path: pointer('Actions', i, 'Transitions', ...branch) };
    if (target === '') {
      out.push(diagnostic('TRANSITION_UNCONNECTED', `A branch of "${action.id}" is not connected`, where));
    } else {
      const message = `"${action.id}" goes to "${target}", which is not an action of this flow`;
      out.push(diagnostic('TRANSITION_TARGET_DANGLING', message, where));
    }
  });
}
