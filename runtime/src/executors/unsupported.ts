/**
 * Blocks for services Parley does not provide. Each takes its error branch with a Results text that
 * names the service: a flow that relies on one is visibly degraded, never silently successful.
 */
import { CATALOG, getBlock } from '@parley/flow';
import { coded, fail } from './common.js';
import type { BlockExecutor } from './types.js';

/** Block type → the service Parley does not provide, from the catalog (one source with the validator). */
export const NOT_PROVIDED: Readonly<Record<string, string>> = Object.fromEntries(
  [...CATALOG.values()].flatMap((b) => (b.notProvided ? [[b.type, b.notProvided]] : [])),
);

export const notProvided =
  (service: string): BlockExecutor =>
  async (input) =>
    fail(
      input,
      'NoMatchingError',
      coded(
        'ENGINE_NO_EXECUTOR',
        `Parley does not provide ${service}: ${input.action.type} takes its error branch`,
      ),
    );

/**
 * Names that are not Flow-language actions: legacy module types (converted when a legacy flow is
 * loaded, so only a hand-made flow gets here) and third-party names no real export confirms.
 */
export const notAnAction: BlockExecutor = async (input) => {
  const spec = getBlock(input.action.type);
  const why =
    spec?.status === 'legacy'
      ? `${input.action.type} is a pre-2019 module type${spec.replacedBy ? ` (now ${spec.replacedBy})` : ''}: load the flow through the legacy converter`
      : `${input.action.type} is not a verified Flow-language action; Parley does not run it`;
  return fail(input, 'NoMatchingError', coded('ENGINE_NO_EXECUTOR', why));
};
