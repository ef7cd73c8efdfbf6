import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiDocsDir,
  hasApiDocs,
  OPERATIONS,
  type OperationSpec,
  resourceName,
  type SwaggerFile,
  type SwaggerParameter,
} from '@parley/ari';
import { describe, expect, it } from 'vitest';
import { createAriSim } from '../src/index.js';
import { answeredInbound, bench } from './support/sim.js';

/** `resource.nickname` → method, path and parameters, straight from Asterisk's api-docs. */
function swaggerOperations(): Map<string, { method: string; path: string; params: SwaggerParameter[] }> {
  const out = new Map<string, { method: string; path: string; params: SwaggerParameter[] }>();
  const dir = apiDocsDir();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SwaggerFile;
    const resource = resourceName(doc);
    for (const api of doc.apis) {
      for (const op of api.operations)
        out.set(`${resource}.${op.nickname}`, {
          method: op.httpMethod,
          path: api.path,
          params: op.parameters ?? [],
        });
    }
  }
  return out;
}

/** The swagger's own spelling of a parameter, from the operation table's. */
function asSwagger(p: OperationSpec['params'][number]) {
  return { name: p.name, paramType: p.in, dataType: p.multiple ? `List[${p.type}]` : p.type };
}

if (!hasApiDocs())
  console.warn(`[ari-sim] Asterisk api-docs not found at ${apiDocsDir()}: swagger conformance skipped`);

describe.runIf(hasApiDocs())("ari-sim's routes against Asterisk's swagger", () => {
  const swagger = hasApiDocs() ? swaggerOperations() : new Map();
  const sim = createAriSim();
  const served = sim.operations();
  void sim.close();

  it('serves only operations Asterisk defines, at the same method and path', () => {
    expect(served.length).toBeGreaterThan(60);
    for (const id of served) {
      const spec = OPERATIONS[id as keyof typeof OPERATIONS] as OperationSpec;
      expect(swagger.get(id), id).toMatchObject({ method: spec.method, path: spec.path });
    }
  });

  it('reads each operation’s parameters by the swagger’s names, places and types', () => {
    for (const id of served) {
      const spec = OPERATIONS[id as keyof typeof OPERATIONS] as OperationSpec;
      const want = (swagger.get(id)?.params ?? []).map((p: SwaggerParameter) => ({
        name: p.name,
        paramType: p.paramType,
        dataType: p.allowMultiple && !p.dataType.startsWith('List[') ? `List[${p.dataType}]` : p.dataType,
      }));
      expect(spec.params.map(asSwagger), id).toEqual(want);
    }
  });

  it('never reads a parameter its operation does not have', async () => {
    const values: Record<string, string> = {
      channelId: 's01-flow',
      bridgeId: 'br',
      playbackId: 'pb',
      recordingName: 'rec',
      applicationName: 'parley',
      snoopId: 'snoop',
      eventName: 'ev',
      moduleName: 'res_ari.so',
      soundId: 'hello-world',
    };
    const b = await bench();
    await answeredInbound(b);
    await b.parley.call('POST', '/bridges', { bridgeId: 'br' });
    for (const id of served) {
      const spec = OPERATIONS[id as keyof typeof OPERATIONS] as OperationSpec;
      const query: Record<string, string> = {};
      for (const p of spec.params) {
        if (p.in !== 'query') continue;
        query[p.name] =
          p.type === 'int' || p.type === 'long'
            ? '1'
            : p.type === 'boolean'
              ? 'false'
              : (p.values?.[0] ?? 'x');
      }
      const path = spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? 'x');
      const request = b.parley.transport.request({ method: spec.method, path, query });
      await b.advance(0);
      void request;
    }
    await b.advance(60_000);
    expect(b.sim.unknownParamReads()).toEqual([]);
    await b.close();
  });
});
