import { type Diagnostic, type FlowModel, toDocument, validateDocument } from '@parley/flow';
import { useEffect, useMemo, useState } from 'react';

/** Above this many blocks, validation waits for a pause in editing instead of running on every edit. */
export const DEBOUNCE_ABOVE = 150;
export const DEBOUNCE_MS = 300;

/** The validator's diagnostics for the model as it would be saved (there is no validate route). */
export function validateModel(model: FlowModel, flowType: string | undefined): Diagnostic[] {
  return validateDocument(toDocument(model), flowType ? { flowType } : {}).diagnostics;
}

/**
 * Live diagnostics: on every edit for small flows; for big ones, once editing pauses, keeping the
 * previous diagnostics (`initial` at first, those the flow was opened with) meanwhile.
 */
export function useDiagnostics(
  model: FlowModel,
  flowType: string | undefined,
  initial: readonly Diagnostic[] = [],
): readonly Diagnostic[] {
  const big = model.actions.length > DEBOUNCE_ABOVE;
  const [opened] = useState(model);
  const now = useMemo(() => (big ? undefined : validateModel(model, flowType)), [big, model, flowType]);
  const [later, setLater] = useState<{ model: FlowModel; diagnostics: readonly Diagnostic[] }>({
    model: opened,
    diagnostics: initial,
  });
  useEffect(() => {
    if (!big || later.model === model) return;
    const timer = setTimeout(
      () => setLater({ model, diagnostics: validateModel(model, flowType) }),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [big, model, later.model, flowType]);
  return now ?? later.diagnostics;
}
