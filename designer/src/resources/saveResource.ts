import type { Api } from '../app/api.js';
import type { ResourceEntry } from '../inspector/resources.js';
import { bodyOf, type Draft } from './draft.js';
import {
  createResource,
  deleteResource,
  type ResourceTypeInfo,
  updateResource,
  uploadPromptAudio,
} from './resourceApi.js';
import type { FormModel } from './schemaForm.js';

/** Inputs the form could not read, each with its field. */
export class FormProblems extends Error {
  constructor(readonly problems: readonly { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field} ${p.message}`).join('; '));
  }
}

/**
 * Creates or updates an entry from the form. Audio is uploaded to an entry that exists, and the
 * schema wants a source meanwhile: the entry keeps the source it had (or a spoken placeholder) until
 * the upload replaces it. A refused upload of a new entry deletes it again, so nothing half-made stays.
 */
export async function saveResource(
  api: Api,
  instance: string,
  type: ResourceTypeInfo,
  model: FormModel,
  draft: Draft,
  entry?: ResourceEntry,
): Promise<ResourceEntry> {
  const built = bodyOf(model, draft, entry);
  if (!built.ok) throw new FormProblems(built.problems);
  const body = { ...built.body };
  const choice = model.choice ?? [];
  if (built.upload && !choice.some((name) => body[name] !== undefined)) {
    const kept = choice.find((name) => typeof entry?.[name] === 'string');
    if (kept) body[kept] = entry?.[kept];
    else {
      const spoken = model.fields.find((f) => choice.includes(f.name) && f.kind === 'textarea');
      if (spoken) body[spoken.name] = `Audio of ${String(body.name ?? 'this prompt')} is being uploaded`;
    }
  }
  const saved = entry
    ? await updateResource(api, instance, type, entry.id, body)
    : await createResource(api, instance, type, body);
  if (!built.upload) return saved;
  try {
    return await uploadPromptAudio(api, instance, saved.id, built.upload);
  } catch (e) {
    if (!entry) await deleteResource(api, instance, type, saved.id).catch(() => undefined);
    throw e;
  }
}
