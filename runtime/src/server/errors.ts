import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isStoreDown, isUnstorableText, Problem } from '../services/problem.js';

/** Every failure leaves as `{ code, title, message, diagnostics? }` with the code's status. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.code === 'API_INTERNAL') request.log.error({ err: error }, 'request failed');
  return reply.status(problem.status).send(problem.toJSON());
}

function toProblem(error: FastifyError | Error): Problem {
  if (error instanceof Problem) return error;
  const e = error as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (e.validation)
    return new Problem(
      'API_REQUEST_INVALID',
      `${e.validationContext ?? 'request'} ${e.message.replace(/^(body|querystring|params)\s*/, '')}`,
    );
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('API_BODY_TOO_LARGE', 'the request body is larger than this route accepts');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem('JSON_SYNTAX', `the body is not valid JSON: ${e.message}`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem('API_REQUEST_INVALID', e.message);
  }
  if (e instanceof SyntaxError) return new Problem('JSON_SYNTAX', `the body is not valid JSON: ${e.message}`);
  if (isUnstorableText(error))
    return new Problem(
      'API_REQUEST_INVALID',
      'the request holds text that cannot be stored: a NUL character or an unpaired UTF-16 surrogate',
    );
  if (isStoreDown(error))
    return new Problem('STORE_UNAVAILABLE', 'the store did not answer; nothing was written');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return new Problem('API_REQUEST_INVALID', e.message);
  return new Problem('API_INTERNAL', 'internal error');
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send(new Problem('API_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`).toJSON());
}
