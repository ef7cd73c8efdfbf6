/** Contact tags (reference §3.3, TagContact API limits). */
import { isJsonObject } from '../../model/model.js';
import { withoutKeys } from '../contact.js';
import { type Decider, fail, invalid, next, parametersOf, readText } from './common.js';

/** TagContact API limits: 6 user tags, keys 1–128 characters, values up to 256. */
export const MAX_TAGS = 6;
// Copied from the API as published, range `+-=` included; `aws:` keys are the system's.
const TAG_KEY = /^(?!aws:)[a-zA-Z+-=._:/]+$/;

/** Adds tags, all or none: one bad key or value, or a seventh tag, takes the error branch. */
export const tagContact: Decider = (action, contact) => {
  const tags = parametersOf(action).Tags;
  if (!isJsonObject(tags)) return fail(invalid('Tags must be an object'));
  const added: [string, string][] = [];
  for (const [rawKey, rawValue] of Object.entries(tags)) {
    const key = readText(rawKey, contact, 'tag key');
    if (!key.ok) return fail(key.error);
    const value = readText(rawValue, contact, `Tags.${key.value}`);
    if (!value.ok) return fail(value.error);
    if (key.value.length > 128 || !TAG_KEY.test(key.value))
      return fail(invalid(`"${key.value}" is not a tag key`));
    if (value.value.length > 256) return fail(invalid(`tag ${key.value} is longer than 256 characters`));
    added.push([key.value, value.value]);
  }
  const merged = Object.fromEntries([...Object.entries(contact.tags), ...added]);
  if (Object.keys(merged).length > MAX_TAGS) return fail(invalid(`a contact has at most ${MAX_TAGS} tags`));
  return next({ tags: merged });
};

/** Removes user tags; a missing key is already removed, a system (`aws:`) key cannot be. */
export const unTagContact: Decider = (action, contact) => {
  const keys = parametersOf(action).TagKeys;
  if (!Array.isArray(keys) || !keys.every((k): k is string => typeof k === 'string'))
    return fail(invalid('TagKeys must be a list of keys'));
  const system = keys.find((k) => k.startsWith('aws:'));
  if (system !== undefined) return fail(invalid(`${system} is a system tag`));
  return next({ tags: withoutKeys(contact.tags, keys) });
};
