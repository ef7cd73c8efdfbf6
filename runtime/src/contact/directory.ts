/**
 * The instance as import and export see it: a ResourceDirectory over the Instance's public lookups.
 * Flows are listed; prompts, queues, hours, agents, Lambda functions and bots can only be looked up
 * (by ARN, ID or name at once), so each answer is checked against the key asked for.
 */
import {
  type DirectoryEntry,
  directoryFrom,
  parseArn,
  type ResourceDirectory,
  type ResourceKind,
  resourceIdOf,
} from '@parley/flow';
import type { Instance } from './instance.js';

type Key = 'arn' | 'id' | 'name';
const METHOD = { arn: 'byArn', id: 'byId', name: 'byName' } as const;

/** An entry when it matches the key asked for: the instance's lookups also try the other keys. */
const matching = (entry: DirectoryEntry | undefined, key: Key, asked: string) =>
  entry?.[key] === asked ? entry : undefined;

export function instanceDirectory(instance: Instance): ResourceDirectory {
  const flows = directoryFrom(
    instance
      .flows()
      .map(
        (f) =>
          ({ kind: f.type === 'MODULE' ? 'module' : 'flow', id: f.id, arn: f.arn, name: f.name }) as const,
      ),
  );
  const { region, account } = instance.info;

  const find = (kind: ResourceKind, ref: string): DirectoryEntry | undefined => {
    switch (kind) {
      case 'prompt': {
        const p = instance.prompt(ref);
        return p && { kind, id: resourceIdOf(p.arn) ?? ref, arn: p.arn, name: p.name };
      }
      case 'queue': {
        const q = instance.queue(ref);
        return q && { kind, id: q.id, arn: q.arn, name: q.name };
      }
      case 'hours': {
        const h = instance.hoursOfOperation(ref);
        const id = h?.HoursOfOperationId;
        return h && id
          ? {
              kind,
              id,
              arn: h.HoursOfOperationArn ?? instance.arnOf('operating-hours', id),
              name: h.Name ?? id,
            }
          : undefined;
      }
      case 'agent': {
        // The agent's own ARN is not public: the one the instance builds from its ID stands in.
        const a = instance.agentQueue(ref);
        return a && { kind, id: a.id, arn: instance.arnOf('agent', a.id), name: a.name };
      }
      case 'lambda': {
        // Only whether a function answers is public, not its ARN: the ARN asked for (or Parley's
        // ARN for the name) stands in, and the instance finds the function by name at run time too.
        if (!instance.lambda(ref)) return undefined;
        const name = resourceIdOf(ref) ?? ref;
        const arn = parseArn(ref) ? ref : `arn:aws:lambda:${region}:${account}:function:${name}`;
        return { kind, id: name, arn, name };
      }
      case 'lexV2Alias':
      case 'lexBot': {
        const b = instance.bot(ref);
        return b && { kind, id: resourceIdOf(b.arn) ?? b.name, arn: b.arn, name: b.name };
      }
      default:
        return undefined;
    }
  };

  const lookup = (key: Key) => (kind: ResourceKind, value: string) => {
    if (kind === 'flow' || kind === 'module') return flows[METHOD[key]](kind, value);
    // A Lex V2 alias ID (`BOT/ALIAS`) is found through an ARN, the form the instance matches it in.
    const ref =
      kind === 'lexV2Alias' && key === 'id' ? `arn:aws:lex:${region}:${account}:bot-alias/${value}` : value;
    return matching(find(kind, ref), key, value);
  };

  return { byArn: lookup('arn'), byId: lookup('id'), byName: lookup('name') };
}
