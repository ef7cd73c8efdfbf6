/**
 * Invoke AWS Lambda function (reference §3.5, §8): the event is built from the contact, the
 * function runs behind the Lambda port, and the response becomes `$.External`. Every failure is the
 * error branch with the Results text Connect logs, which the port supplies.
 */
import type { Contact, ExecutorInput, JsonMap, JsonValue } from '@parley/flow';
import type { LambdaContact, LambdaRequest } from '../integrations/lambda.js';
import { endpointOf } from '../logs/contact-record.js';
import { coded, fail, isObject, next, paramsOf, readStatic, readText } from './common.js';
import type { BlockExecutor } from './types.js';

export const invokeLambdaFunction: BlockExecutor = async (input, ports) => {
  const p = paramsOf(input);
  const arn = readText(p.LambdaFunctionARN, input, 'LambdaFunctionARN');
  if (!arn.ok) return fail(input, 'NoMatchingError', arn.results);
  const attributes: Record<string, string> = {};
  if (p.LambdaInvocationAttributes !== undefined) {
    if (!isObject(p.LambdaInvocationAttributes))
      return fail(
        input,
        'NoMatchingError',
        coded('ENGINE_PARAMETER_INVALID', 'LambdaInvocationAttributes must be a map'),
      );
    for (const [key, value] of Object.entries(p.LambdaInvocationAttributes)) {
      const r = readText(value, input, `LambdaInvocationAttributes.${key}`, { missing: 'empty' });
      if (!r.ok) return fail(input, 'NoMatchingError', r.results);
      Object.assign(attributes, { [key]: r.value });
    }
  }
  const mode =
    p.InvocationType === undefined
      ? { ok: true as const, value: 'SYNCHRONOUS' }
      : readStatic(p.InvocationType, input, 'InvocationType');
  if (!mode.ok) return fail(input, 'NoMatchingError', mode.results);
  const asynchronous = mode.value.trim().toUpperCase() === 'ASYNCHRONOUS';
  const responseType =
    isObject(p.ResponseValidation) && p.ResponseValidation.ResponseType === 'JSON' ? 'JSON' : 'STRING_MAP';
  const request: LambdaRequest = {
    functionArn: arn.value.trim(),
    contact: lambdaContact(input.contact),
    parameters: attributes,
    responseType,
    ...(p.InvocationTimeLimitSeconds !== undefined
      ? { timeLimitSeconds: timeLimitOf(p.InvocationTimeLimitSeconds, input) }
      : {}),
  };
  if (asynchronous) {
    // The flow moves on at once; `$.LambdaInvocation.InvocationId` names the result to load later.
    const started = ports.lambda.start(request);
    return next(input, {
      patch: { LambdaInvocation: { InvocationId: started.invocationId } },
      results: started.invocationId,
    });
  }
  const outcome = await ports.lambda.invoke(request);
  if (outcome.status === 'error') return fail(input, 'NoMatchingError', outcome.results);
  const external = outcome.external as JsonMap;
  return next(input, {
    patch: { External: external },
    externalResults: external as Record<string, JsonValue>,
  });
};

/** A JSONPath time limit is read; anything else goes to the port as written (it applies the limits). */
function timeLimitOf(value: unknown, input: ExecutorInput): number | string | undefined {
  if (typeof value === 'number') return value;
  const r = readStatic(value, input, 'InvocationTimeLimitSeconds');
  return r.ok ? r.value : undefined;
}

/** The contact as Connect's ContactFlowEvent describes it (reference §8.1). */
export function lambdaContact(c: Contact): LambdaContact {
  const queue = c.targetQueue;
  return {
    contactId: c.ContactId,
    initialContactId: c.InitialContactId,
    ...(c.PreviousContactId !== undefined ? { previousContactId: c.PreviousContactId } : {}),
    ...((c.RelatedContactId ?? c.related?.ContactId) !== undefined
      ? { relatedContactId: c.RelatedContactId ?? c.related?.ContactId }
      : {}),
    channel: c.Channel,
    initiationMethod: c.InitiationMethod as LambdaContact['initiationMethod'],
    instanceArn: c.InstanceARN ?? '',
    attributes: c.Attributes,
    customerEndpoint: endpointOf(c.CustomerEndpoint),
    systemEndpoint: endpointOf(c.SystemEndpoint),
    languageCode: c.LanguageCode,
    queue: queue
      ? {
          arn: queue.arn,
          name: queue.name,
          ...(queue.outboundCallerId
            ? {
                outboundCallerId: {
                  Address: queue.outboundCallerId.Address,
                  Type: queue.outboundCallerId.Type,
                },
              }
            : {}),
        }
      : null,
    tags: c.tags,
    name: c.Name ?? null,
    description: c.Description ?? null,
    customerId: c.CustomerId ?? null,
    segmentAttributes: c.SegmentAttributes,
    ...(c.MediaStreams ? { mediaStreams: c.MediaStreams } : {}),
  };
}
