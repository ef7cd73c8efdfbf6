import { hasErrors, loadFlow, parseFlowType, serialize } from '@parley/flow';
import type { FlowOptions } from '../resources/flow-target.js';
import type { InstanceScope } from '../services/context.js';
import { instanceArn } from '../services/context.js';
import { instanceDirectory } from '../services/directory.js';
import { flowOrThrow, publishProblems } from '../services/flows.js';
import { Problem } from '../services/problem.js';
import type { TestCallRequest } from './types.js';

export interface CheckedDraft {
  /** The draft as the runtime loads it. */
  bytes: Uint8Array;
  /** Who the draft stands in for: the saved flow's ID, ARN and name, so its logs file under it. */
  flow: Required<Pick<FlowOptions, 'id' | 'arn' | 'name' | 'type'>>;
}

/**
 * Checks a draft as publishing would (validator errors, flow-type restrictions, references the
 * instance cannot resolve): a test call should behave as the published flow will, not run blocks
 * Connect would refuse.
 */
export async function checkDraft(scope: InstanceScope, request: TestCallRequest): Promise<CheckedDraft> {
  const saved = request.flowId
    ? await flowOrThrow(scope.store, scope.instance.id, request.flowId)
    : undefined;
  const type = saved?.type ?? parseFlowType(request.flowType) ?? request.flowType;
  if (type !== 'CONTACT_FLOW')
    throw new Problem(
      'TESTCALL_FLOW_TYPE_UNSUPPORTED',
      `a ${type} flow does not answer calls; test it through a contact flow that transfers to it`,
    );
  const loaded = loadFlow(request.content, { flowType: type });
  if (!loaded.model)
    throw new Problem(
      'TESTCALL_DRAFT_INVALID',
      loaded.diagnostics[0]?.message ?? 'the draft is not a flow document',
      loaded.diagnostics,
    );
  const problems = publishProblems(
    loaded.model,
    loaded.diagnostics,
    await instanceDirectory(scope.store, scope.instance.id),
  );
  if (hasErrors(problems))
    throw new Problem('TESTCALL_DRAFT_INVALID', `the draft has ${problems.length} problem(s)`, problems);
  const id = saved?.id ?? `draft-${crypto.randomUUID()}`;
  return {
    bytes: new TextEncoder().encode(serialize(loaded.model)),
    flow: {
      id,
      arn: saved?.arn ?? `${instanceArn(scope.instance)}/contact-flow/${id}`,
      name: saved?.name ?? 'Unsaved draft',
      type,
    },
  };
}
