import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@parley/ari';
import { afterAll, describe, expect, it } from 'vitest';
import { Instance } from '../../src/contact/instance.js';
import { InstanceLambdas } from '../../src/host/lambdas.js';
import type { LambdaRequest } from '../../src/integrations/lambda.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-lambdas-'));
const moduleOf = (owner: string) => {
  const path = join(dir, `${owner}.mjs`);
  writeFileSync(path, `export const handler = async () => ({ owner: ${JSON.stringify(owner)} });\n`);
  return path;
};

const acme = new Instance({ id: 'acme-id', alias: 'acme', region: 'us-east-1', account: '111111111111' });
const globex = new Instance({
  id: 'globex-id',
  alias: 'globex',
  region: 'us-east-1',
  account: '222222222222',
});
acme.addFunction({ name: 'lookup', resource: { kind: 'module', path: moduleOf('acme') } });
globex.addFunction({ name: 'lookup', resource: { kind: 'module', path: moduleOf('globex') } });
globex.addFunction({ name: 'payroll', resource: { kind: 'module', path: moduleOf('globex payroll') } });
const instances = new Map([acme, globex].map((i) => [i.info.id, i]));

const request = (instance: Instance, functionArn: string): LambdaRequest => ({
  functionArn,
  contact: {
    contactId: 'c-1',
    channel: 'VOICE',
    initiationMethod: 'INBOUND',
    instanceArn: instance.arn,
    attributes: {},
  },
});

describe("a server's Lambda port", () => {
  const lambdas = new InstanceLambdas({ instance: (id) => instances.get(id), clock: systemClock });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the function of the contact's own instance when two instances name one alike", async () => {
    for (const [instance, owner] of [
      [acme, 'acme'],
      [globex, 'globex'],
    ] as const) {
      const outcome = await lambdas.invoke(request(instance, 'lookup'));
      expect(outcome).toMatchObject({ status: 'success', external: { owner } });
    }
  });

  it("never runs another instance's function, by name or by its ARN", async () => {
    const payroll = `arn:aws:lambda:us-east-1:222222222222:function:payroll`;
    for (const ref of ['payroll', payroll]) {
      const outcome = await lambdas.invoke(request(acme, ref));
      expect([ref, outcome.status, outcome.status === 'error' && outcome.code]).toEqual([
        ref,
        'error',
        'LAMBDA_NOT_FOUND',
      ]);
      const started = lambdas.start(request(acme, ref));
      expect((await started.result).status).toBe('error');
    }
    expect(await lambdas.invoke(request(globex, payroll))).toMatchObject({ status: 'success' });
  });

  it('runs nothing for a contact of no known instance', async () => {
    const stranger = new Instance({ id: 'nobody', alias: 'x', region: 'us-east-1', account: '333333333333' });
    const outcome = await lambdas.invoke(request(stranger, 'lookup'));
    expect(outcome).toMatchObject({ status: 'error', code: 'LAMBDA_NOT_FOUND' });
  });
});
