/**
 * The 2019-10-30 flow document (reference §1–§2) as JSON Schema. The envelope is strict about JSON
 * types and loose about extra keys: Connect adds Metadata fields over time and exports must survive
 * a round trip unchanged.
 */
import { type Static, Type } from '@sinclair/typebox';

const open = { additionalProperties: true } as const;

export const Position = Type.Object({ x: Type.Number(), y: Type.Number() }, open);

export const Condition = Type.Object(
  {
    Operator: Type.String({ minLength: 1 }),
    Operands: Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
      minItems: 1,
      maxItems: 10,
    }),
  },
  open,
);

export const ConditionTransition = Type.Object({ NextAction: Type.String(), Condition }, open);

export const ErrorTransition = Type.Object(
  { NextAction: Type.String(), ErrorType: Type.String({ minLength: 1 }) },
  open,
);

export const Transitions = Type.Object(
  {
    NextAction: Type.Optional(Type.String()),
    Errors: Type.Optional(Type.Array(ErrorTransition)),
    Conditions: Type.Optional(Type.Array(ConditionTransition)),
  },
  open,
);

export const Action = Type.Object(
  {
    Identifier: Type.String(),
    Type: Type.String({ minLength: 1 }),
    Parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    Transitions: Type.Optional(Transitions),
  },
  open,
);

export const Annotation = Type.Object({}, open);

export const ActionMetadata = Type.Object(
  {
    position: Type.Optional(Position),
    Position: Type.Optional(Position),
    isFriendlyName: Type.Optional(Type.Boolean()),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  open,
);

export const Metadata = Type.Object(
  {
    entryPointPosition: Type.Optional(Position),
    EntryPointPosition: Type.Optional(Position),
    ActionMetadata: Type.Optional(Type.Record(Type.String(), ActionMetadata)),
    Annotations: Type.Optional(Type.Array(Annotation)),
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
  },
  open,
);

export const ModuleSettings = Type.Object(
  {
    InputParameters: Type.Optional(Type.Array(Type.Unknown())),
    OutputParameters: Type.Optional(Type.Array(Type.Unknown())),
    Transitions: Type.Optional(
      Type.Array(
        Type.Object({ DisplayName: Type.Optional(Type.String()), ReferenceName: Type.String() }, open),
      ),
    ),
  },
  open,
);

export const FLOW_LANGUAGE_VERSION = '2019-10-30';

export const FlowDocument = Type.Object(
  {
    Version: Type.Literal(FLOW_LANGUAGE_VERSION),
    StartAction: Type.Optional(Type.String()),
    Metadata: Type.Optional(Metadata),
    Actions: Type.Array(Action),
    Settings: Type.Optional(ModuleSettings),
  },
  {
    ...open,
    $id: 'https://parley.dev/schemas/flow-document.schema.json',
    title: 'Amazon Connect flow (2019-10-30)',
  },
);

export type FlowDocument = Static<typeof FlowDocument>;
export type Action = Static<typeof Action>;
export type Transitions = Static<typeof Transitions>;
export type ConditionTransition = Static<typeof ConditionTransition>;
export type ErrorTransition = Static<typeof ErrorTransition>;
export type Condition = Static<typeof Condition>;
export type Metadata = Static<typeof Metadata>;
export type ActionMetadata = Static<typeof ActionMetadata>;
export type Position = Static<typeof Position>;
