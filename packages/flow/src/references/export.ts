import { toDocument } from '../model/serialize.js';
import type { FlowModel, JsonObject } from '../model/types.js';
import { updateMetadata } from './names.js';
import { lookup, targetValue } from './resolve.js';
import type { ResourceDirectory } from './types.js';
import { findReferences } from './walk.js';
import { DocumentWriter } from './write.js';

/**
 * The flow as a document another instance (Parley's or Connect's) can import: every reference the
 * source instance has is written as its ARN in Parameters (unchanged when it already is one) and
 * its name goes into Metadata (`parameters.<path>.displayName`, and the older per-block keys where
 * the document has them), so the importing side can resolve it by name. References the source does
 * not have are left as they are.
 */
export function prepareExport(model: FlowModel, directory: ResourceDirectory): JsonObject {
  const writer = new DocumentWriter(toDocument(model));
  for (const ref of findReferences(model)) {
    if (ref.placeholder) continue;
    const entry = lookup(directory, ref.kind, ref.value);
    if (!entry) continue;
    const value = targetValue(ref.kind, entry);
    const am = writer.actionMetadata(ref.actionId, true);
    if (am) updateMetadata(am, ref, { name: entry.name, value, create: true });
    if (value !== ref.value) writer.setValue(ref, value);
  }
  return writer.document;
}
