import { FLOW_LANGUAGE_VERSION, type JsonObject } from '@parley/flow';

/**
 * A new flow of a type, as Connect's designer starts one: no blocks, the entry point at the top left
 * and, for a module, its (empty) Settings, so the only diagnostic left is the unconnected entry.
 */
export function emptyFlowDocument(flowType: string): JsonObject {
  return {
    Version: FLOW_LANGUAGE_VERSION,
    StartAction: '',
    Metadata: { entryPointPosition: { x: 40, y: 40 }, ActionMetadata: {} },
    Actions: [],
    ...(flowType === 'MODULE'
      ? {
          Settings: {
            InputParameters: [],
            OutputParameters: [],
            Transitions: [
              { DisplayName: 'Success', ReferenceName: 'Success', Description: '' },
              { DisplayName: 'Error', ReferenceName: 'Error', Description: '' },
            ],
          },
        }
      : {}),
  };
}
