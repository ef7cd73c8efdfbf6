import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import { bootstrapAdminToken } from '../../src/services/tokens.js';
import type { Store } from '../../src/store/index.js';
import type { StoreDriver } from '../support/stores.js';

export const fixture = (path: string): string =>
  readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

export interface Api {
  app: FastifyInstance;
  store: Store;
  admin: string;
  /** `inject` with a bearer token (the admin's unless told) and JSON in and out. */
  call(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{
    status: number; // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
    json: any;
    text: string;
    headers: Record<string, unknown>;
  }>;
  token(role: string, instance?: string): Promise<string>;
  close(): Promise<void>;
}

export async function openApi(
  driver: StoreDriver,
  options: (store: Store) => Omit<AppOptions, 'store'> = () => ({}),
): Promise<Api> {
  const store = await driver.open();
  const app = await buildApp({ store, ...options(store) });
  const admin = (await bootstrapAdminToken(store)) ?? '';
  const call: Api['call'] = async (method, url, body, token = admin) => {
    const res = await app.inject({
      method,
      url,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    let json: unknown;
    try {
      json = res.json();
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json, text: res.body, headers: res.headers };
  };
  return {
    app,
    store,
    admin,
    call,
    async token(role, instance) {
      const res = await call('POST', '/api/tokens', {
        role,
        name: `${role} of ${instance ?? 'all'}`,
        ...(instance ? { instance } : {}),
      });
      return res.json.token as string;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
