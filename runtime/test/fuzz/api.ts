/**
 * The HTTP API under hostile requests, through `buildApp` + `inject()` on an embedded store: flow
 * imports and saves of mutated real documents, resources with prototype keys, prompt uploads that
 * lie, raw bodies that are not JSON or not UTF-8, hostile URLs and tokens. Every answer is below
 * 500 and every refusal carries a catalogued code; what a save accepts reads back.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import {
  applyValueOps,
  flowDocument,
  legacyDocument,
  type ValueOp,
  valueOp,
} from '../../../packages/flow/test/fuzz/flows.js';
import {
  HOSTILE_STRINGS,
  hostileJson,
  hostileKey,
  hostileLeaf,
  hostileString,
  jsonText,
  ownObject,
} from '../../../packages/flow/test/fuzz/json.js';
import { isCatalogued, must } from '../../../packages/flow/test/fuzz/oracle.js';
import { type RawCase, rawCase, rawInput } from '../../../packages/flow/test/fuzz/targets.js';
import { buildApp, DEFAULT_BODY_LIMIT } from '../../src/server/app.js';
import { PROMPT_AUDIO_LIMIT } from '../../src/server/routes/resources.js';
import { bootstrapAdminToken } from '../../src/services/tokens.js';
import { openStore, type Store } from '../../src/store/index.js';
import { honestWav, type WavCase, wavBytes, wavCase } from './wav.js';

/** A real flow of our fixtures, for the bundle the session exports. */
const seedFlow = (): string =>
  readFileSync(new URL('../../../fixtures/flows/inbound-main-ivr.json', import.meta.url), 'utf8');

export type Content = { text: RawCase } | { value: unknown; ops: ValueOp[] };

export type ApiCase =
  | { kind: 'import'; content: Content; map?: unknown; type?: string; name?: string; dryRun: boolean }
  | { kind: 'save'; content: Content; baseVersion?: number; message?: string }
  | { kind: 'create'; name: string; type: string; description?: string; content?: Content }
  | { kind: 'resource'; path: string; method: 'POST' | 'PUT'; body: unknown }
  | { kind: 'audio'; wav: WavCase | { oversized: true }; contentType: string }
  | { kind: 'raw'; method: 'POST' | 'PUT' | 'PATCH'; url: string; contentType?: string; payload: RawCase }
  | { kind: 'get'; url: string }
  | { kind: 'auth'; authorization: string; url: string }
  | { kind: 'bundle'; ops: ValueOp[]; wav?: WavCase; real: boolean }
  | { kind: 'oversized'; url: string; contentType: string };

const BASE = '/api/instances/acme';
const RESOURCE_PATHS = [
  'queues',
  'prompts',
  'hours-of-operation',
  'lambda-functions',
  'users',
  'quick-connects',
  'bots',
  'phone-numbers',
  'routing-profiles',
  'security-profiles',
];

const content: fc.Arbitrary<Content> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ text: rawCase() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      value: fc.oneof(flowDocument, legacyDocument),
      ops: fc.array(valueOp, { maxLength: 3 }),
    }),
  },
);

const segment = fc.oneof(
  fc.constantFrom(
    'fz',
    '__proto__',
    'constructor',
    '%00',
    '..%2F..',
    '%E0%A4%A',
    '%ZZ',
    'x'.repeat(3000),
    'Hello',
    ' ',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?version=0',
    '?version=-1',
    '?version=99999999999999999999',
    '?type=__proto__',
    '?__proto__[x]=1',
    '?constructor[prototype][x]=1',
    '?access_token=%00',
    '?version=1&version=2',
  ),
);
const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('flows', 'flows/fz/versions', 'flows/fz/content', 'flows/fz/export', ...RESOURCE_PATHS),
      segment,
      query,
    )
    .map(([path, id, q]) => `${BASE}/${path}/${id}${q}`),
  fc.tuple(segment, query).map(([id, q]) => `/api/instances/${id}/flows${q}`),
  fc.tuple(segment, query).map(([id, q]) => `${BASE}/flows/fz/versions/${id}${q}`),
  fc.constantFrom(
    '/api',
    '/api/',
    '/api/instances/acme/..',
    '/api//instances',
    `${BASE}/flows/fz/versions/1/..`,
  ),
);

const resourceBody: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          hostileKey,
          fc.constantFrom('name', 'id', 'text', 'file', 'hoursOfOperation', 'maxContacts', 'arn', 'language'),
        ),
        hostileLeaf,
      ),
      { maxLength: 6 },
    )
    .map(ownObject),
  fc.record({ name: hostileString, text: hostileString }, { requiredKeys: ['name'] }),
  hostileJson,
);

export const apiCase: fc.Arbitrary<ApiCase> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        kind: fc.constant('import' as const),
        content,
        map: fc.oneof(
          fc
            .array(fc.tuple(hostileKey, fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), hostileLeaf)), {
              maxLength: 4,
            })
            .map(ownObject),
          hostileLeaf,
        ),
        type: fc.constantFrom('CONTACT_FLOW', 'MODULE', '__proto__', '', 'contactFlow'),
        name: hostileString,
        dryRun: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
      },
      { requiredKeys: ['kind', 'content', 'dryRun'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('save' as const),
        content,
        baseVersion: fc.integer({ min: -1, max: 3 }),
        message: hostileString,
      },
      { requiredKeys: ['kind', 'content'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('create' as const),
        name: hostileString,
        type: fc.constantFrom('CONTACT_FLOW', 'MODULE', 'QUEUE_TRANSFER', '__proto__', 'contactFlow'),
        description: hostileString,
        content,
      },
      { requiredKeys: ['kind', 'name', 'type'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('resource' as const),
      path: fc.constantFrom(...RESOURCE_PATHS),
      method: fc.constantFrom('POST' as const, 'PUT' as const),
      body: resourceBody,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('audio' as const),
      wav: fc.oneof(
        { weight: 500, arbitrary: wavCase },
        { weight: 1, arbitrary: fc.constant({ oversized: true as const }) },
      ),
      contentType: fc.constantFrom(
        'audio/wav',
        'audio/x-wav',
        'application/octet-stream',
        'application/json',
        'text/plain',
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant('raw' as const),
        method: fc.constantFrom('POST' as const, 'PUT' as const, 'PATCH' as const),
        url: fc.constantFrom(
          `${BASE}/import`,
          `${BASE}/flows`,
          `${BASE}/flows/fz/versions`,
          `${BASE}/flows/fz`,
          `${BASE}/queues`,
          `${BASE}/prompts/Hello/audio`,
          '/api/instances',
          '/api/tokens',
        ),
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          '',
          'application/json;;',
        ),
        payload: rawCase(),
      },
      { requiredKeys: ['kind', 'method', 'url', 'payload'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('get' as const), url: hostileUrl }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('bundle' as const),
        ops: fc.array(valueOp, { maxLength: 4 }),
        wav: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: wavCase }),
        real: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
      },
      { requiredKeys: ['kind', 'ops', 'wav', 'real'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('oversized' as const),
      url: fc.constantFrom(
        `${BASE}/import`,
        `${BASE}/flows`,
        `${BASE}/flows/fz/versions`,
        `${BASE}/queues`,
        '/api/instances',
      ),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('auth' as const),
      authorization: fc.oneof(
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'Bearer __proto__',
          'Basic YTpi',
          `Bearer ${'x'.repeat(10_000)}`,
          'Bearer prl_\u0000',
        ),
        fc.string({ unit: 'binary-ascii', maxLength: 40 }),
      ),
      url: fc.constantFrom(`${BASE}/flows`, '/api/instances', `${BASE}/flows/fz/content`),
    }),
  },
);

const decoder = new TextDecoder();

/** What a content spec sends: a string (the body's `content`), or the document as a JSON value. */
function contentOf(c: Content): string | unknown {
  if ('text' in c) {
    const raw = rawInput(c.text);
    return typeof raw === 'string' ? raw : decoder.decode(raw);
  }
  return applyValueOps(c.value, c.ops);
}

export interface ApiSession {
  check(c: ApiCase): Promise<void>;
  close(): Promise<void>;
}

/** Every answer: below 500; a refusal is a JSON body with a catalogued code and a message. */
function expectAnswer(res: LightMyRequestResponse, what: string): unknown {
  let body: unknown;
  try {
    body = res.body === '' ? undefined : JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  const code = (body as { code?: unknown } | undefined)?.code;
  must(res.statusCode < 500, 'crash', () => `${what} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
  if (res.statusCode >= 400) {
    must(
      isCatalogued(code),
      'uncoded',
      () => `${what} answered ${res.statusCode} without a catalogued code: ${res.body.slice(0, 300)}`,
    );
    must(
      typeof (body as { message?: unknown }).message === 'string',
      'uncoded',
      () => `${what}: ${String(code)} has no message`,
    );
  }
  return body;
}

const SAVES_PER_FLOW = 100;

export async function openApiSession(): Promise<ApiSession> {
  const store: Store = await openStore();
  // Rate limits would turn most cases into 429s: this is about bad input, not floods.
  const app: FastifyInstance = await buildApp({ store, rateLimits: false });
  const admin = (await bootstrapAdminToken(store)) ?? '';
  const send = (options: InjectOptions, token: string | null = admin) =>
    app.inject({
      ...options,
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers },
    });
  // Bodies are written here, not by inject: JSON.stringify recurses, and some are 10,000 levels deep.
  const json = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    send({
      method,
      url,
      ...(payload === undefined
        ? {}
        : { payload: jsonText(payload), headers: { 'content-type': 'application/json' } }),
    });

  const setUp = async (method: InjectOptions['method'], url: string, payload: unknown, status: number) => {
    const res = await json(method, url, payload);
    if (res.statusCode !== status)
      throw new Error(`setting up: ${method} ${url} answered ${res.statusCode} ${res.body}`);
  };
  await setUp('POST', '/api/instances', { alias: 'acme', account: '123456789012' }, 201);
  const prompt = await json('POST', `${BASE}/prompts`, { name: 'Hello', text: 'Hello there' });
  if (prompt.statusCode !== 201)
    throw new Error(`setting up: the prompt answered ${prompt.statusCode} ${prompt.body}`);
  const promptId = (prompt.json() as { id: string }).id;
  const freshFlow = () => setUp('POST', `${BASE}/flows`, { name: 'fz', type: 'CONTACT_FLOW' }, 201);
  await freshFlow();
  let saves = 0;

  // The instance's own bundle, with a prompt's audio and a real flow in it, is where bundle cases start.
  const audio = await send({
    method: 'PUT',
    url: `${BASE}/prompts/${promptId}/audio`,
    payload: Buffer.from(wavBytes(honestWav('pcm16', 1600))),
    headers: { 'content-type': 'audio/wav' },
  });
  if (audio.statusCode !== 200)
    throw new Error(`setting up: the upload answered ${audio.statusCode} ${audio.body}`);
  await setUp('POST', `${BASE}/flows`, { name: 'seed', type: 'CONTACT_FLOW', content: seedFlow() }, 201);
  await setUp('POST', '/api/instances', { alias: 'scratch', account: '123456789012' }, 201);
  const exported = await json('GET', `${BASE}/bundle`);
  if (exported.statusCode !== 200) throw new Error(`setting up: the bundle answered ${exported.statusCode}`);
  const bundle: unknown = exported.json();

  /** A saved version reads back and exports: nothing saved is lost to the reader's limits. */
  const expectReadable = async (flow: string, version: number, what: string) => {
    const back = await json('GET', `${BASE}/flows/${encodeURIComponent(flow)}/versions/${version}`);
    expectAnswer(back, `${what}, then reading version ${version}`);
    must(
      back.statusCode === 200,
      'round-trip',
      () =>
        `${what} saved version ${version}, which reads back as ${back.statusCode}: ${back.body.slice(0, 300)}`,
    );
    expectAnswer(
      await json('GET', `${BASE}/flows/${encodeURIComponent(flow)}/export?version=${version}`),
      `${what}, then exporting it`,
    );
  };
  const remove = async (url: string) => {
    const res = await json('DELETE', url);
    expectAnswer(res, `DELETE ${url}`);
  };

  async function check(c: ApiCase): Promise<void> {
    switch (c.kind) {
      case 'import': {
        const { kind: _, content: body, ...options } = c;
        const res = await json('POST', `${BASE}/import`, { content: contentOf(body), ...options });
        const answer = expectAnswer(res, 'import') as {
          saved?: { flow: { id: string }; version: { version: number } };
        };
        if (res.statusCode < 300 && answer?.saved) {
          await expectReadable(answer.saved.flow.id, answer.saved.version.version, 'import');
          await remove(`${BASE}/flows/${answer.saved.flow.id}`);
        }
        return;
      }
      case 'save': {
        const res = await json('POST', `${BASE}/flows/fz/versions`, {
          content: contentOf(c.content),
          ...(c.baseVersion === undefined ? {} : { baseVersion: c.baseVersion }),
          ...(c.message === undefined ? {} : { message: c.message }),
        });
        const answer = expectAnswer(res, 'save') as { version?: { version: number } };
        if (res.statusCode < 300 && answer?.version) {
          await expectReadable('fz', answer.version.version, 'save');
          if (++saves % SAVES_PER_FLOW === 0) {
            await remove(`${BASE}/flows/fz`);
            await freshFlow();
          }
        }
        return;
      }
      case 'create': {
        const { kind: _, content: body, ...rest } = c;
        const res = await json('POST', `${BASE}/flows`, {
          ...rest,
          ...(body === undefined ? {} : { content: contentOf(body) }),
        });
        const answer = expectAnswer(res, 'create') as {
          flow?: { id: string };
          version?: { version: number };
        };
        if (res.statusCode === 201 && answer?.flow) {
          if (answer.version) await expectReadable(answer.flow.id, answer.version.version, 'create');
          await remove(`${BASE}/flows/${answer.flow.id}`);
        }
        return;
      }
      case 'resource': {
        const url = c.method === 'POST' ? `${BASE}/${c.path}` : `${BASE}/${c.path}/Hello`;
        const res = await json(c.method, url, c.body);
        const answer = expectAnswer(res, `${c.method} ${c.path}`) as { id?: string };
        if (res.statusCode === 201 && answer?.id)
          await remove(`${BASE}/${c.path}/${encodeURIComponent(answer.id)}`);
        // A PUT may rename or change the prompt uploads go to: put it back.
        if (c.method === 'PUT' && c.path === 'prompts' && res.statusCode === 200)
          await setUp('PUT', `${BASE}/prompts/${promptId}`, { name: 'Hello', text: 'Hello there' }, 200);
        return;
      }
      case 'audio': {
        const payload =
          'oversized' in c.wav ? Buffer.alloc(PROMPT_AUDIO_LIMIT + 1) : Buffer.from(wavBytes(c.wav));
        const res = await send({
          method: 'PUT',
          url: `${BASE}/prompts/Hello/audio`,
          payload,
          headers: { 'content-type': c.contentType },
        });
        expectAnswer(res, `upload of ${payload.byteLength} bytes as ${c.contentType}`);
        return;
      }
      case 'raw': {
        const raw = rawInput(c.payload);
        const res = await send({
          method: c.method,
          url: c.url,
          payload: typeof raw === 'string' ? raw : Buffer.from(raw),
          headers: c.contentType === undefined ? {} : { 'content-type': c.contentType },
        });
        expectAnswer(res, `${c.method} ${c.url} (${c.contentType ?? 'no content type'})`);
        // A raw body may be a valid flow or resource: leave nothing behind for later cases.
        if (res.statusCode === 201) await cleanUp(res);
        return;
      }
      case 'get':
        expectAnswer(await json('GET', c.url), `GET ${c.url.slice(0, 200)}`);
        return;
      case 'bundle': {
        const body = applyValueOps(bundle, c.ops) as { prompts?: unknown };
        // A lying WAV in place of the first prompt's audio, when the mutations left one.
        const first = Array.isArray(body?.prompts)
          ? (body.prompts[0] as Record<string, unknown> | undefined)
          : undefined;
        if (c.wav && first && typeof first === 'object' && 'audioBase64' in first)
          first.audioBase64 = Buffer.from(wavBytes(c.wav)).toString('base64');
        const url = c.real ? '/api/instances/scratch/bundle' : `${BASE}/bundle?dryRun=true`;
        expectAnswer(await json('POST', url, body), `bundle import${c.real ? '' : ' (dry run)'}`);
        return;
      }
      case 'oversized': {
        // One byte over the body limit: refused while it streams in, with a code.
        const payload = Buffer.alloc(DEFAULT_BODY_LIMIT + 1, '[');
        const res = await send({
          method: 'POST',
          url: c.url,
          payload,
          headers: { 'content-type': c.contentType },
        });
        expectAnswer(res, `POST ${c.url} of ${payload.byteLength} bytes`);
        return;
      }
      case 'auth':
        expectAnswer(
          await send({ method: 'GET', url: c.url, headers: { authorization: c.authorization } }, null),
          `GET ${c.url} with a hostile token`,
        );
        return;
    }
  }

  async function cleanUp(res: LightMyRequestResponse): Promise<void> {
    const body = JSON.parse(res.body) as { flow?: { id?: string }; id?: string; kind?: string };
    if (body.flow?.id) await remove(`${BASE}/flows/${body.flow.id}`);
  }

  return {
    check,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
