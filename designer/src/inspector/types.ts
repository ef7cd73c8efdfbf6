import type { Field } from './fields.js';
import type { InstanceResources } from './useInstanceResources.js';

/** A change to a field's value, computed from its value when the edit applies (never a stale one). */
export type Update = (old: unknown) => unknown;

/** What every field of one block's inspector shares. */
export interface FieldContext {
  /** The instance's resource lists; without them resource fields take text. */
  resources: InstanceResources | undefined;
  /** The attribute picker's suggestions for this flow. */
  paths: readonly string[];
}

export interface FieldProps {
  field: Field;
  value: unknown;
  /** One edit of the flow; edits of the same `group` in a row are one undo step. */
  onChange(update: Update, group?: string): void;
  ctx: FieldContext;
  /** Problems to show with the field (the validator's, about this parameter). */
  problems?: readonly string[];
  /** A note shown with the field (what setting it clears…). */
  note?: string;
}

/** Sets a value whatever was there. */
export const to =
  (value: unknown): Update =>
  () =>
    value;
