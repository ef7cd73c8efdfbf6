import replyFrom from '@fastify/reply-from';
import { CODES, type Code } from '@parley/flow';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentCenter, AgentState, CenterLookup, ParticipantsChanged } from '../../agents/types.js';
import type { Result } from '../../center/types.js';
import { Problem } from '../../services/problem.js';
import { scopeOf } from '../auth.js';
import type { LimitedAction } from '../security.js';
import { forwardSocket } from './forward-socket.js';
import { instanceParams, problemSchema, withParams } from './shared.js';

interface Agent {
  center: AgentCenter;
  user: AgentState['user'];
}

/** A refusal of the contact center, with its code's HTTP status (problem.ts). */
function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  // A code the catalogue lacks is the core's bug, not the agent's: never answer it as theirs.
  if (!(result.code in CODES))
    throw new Problem('API_INTERNAL', `the contact center answered ${result.code}`);
  throw new Problem(result.code as Code, result.message);
}

const statusBody = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: {
      oneOf: [
        { enum: ['Available', 'Offline'] },
        {
          type: 'object',
          required: ['custom'],
          additionalProperties: false,
          properties: { custom: { type: 'string', minLength: 1, maxLength: 127 } },
        },
      ],
    },
  },
} as const;

const transferBody = {
  type: 'object',
  additionalProperties: false,
  oneOf: [{ required: ['quickConnectId'] }, { required: ['phoneNumber'] }],
  properties: {
    quickConnectId: { type: 'string', minLength: 1, maxLength: 256 },
    phoneNumber: { type: 'string', pattern: '^\\+?[0-9 ()-]{3,20}$' },
  },
} as const;

const contactParams = withParams({ contact: { type: 'string', maxLength: 256 } });
const participantParams = withParams({ participant: { type: 'string', maxLength: 256 } });
const responses = { 403: problemSchema, 404: problemSchema, 409: problemSchema, 503: problemSchema };

/**
 * The agent panel's API (the CCP's): the agent is the instance user their token was made for, never
 * one named in a request. Every route drives the instance's contact center; a server without one
 * answers AGENT_UNAVAILABLE. A cluster worker that does not run the contact centers forwards each
 * request, once its token passed here, to the worker that does (`elsewhere`), the event stream too.
 */
export const agentRoutes =
  (lookup: CenterLookup | undefined, elsewhere?: () => string | undefined) =>
  async (app: FastifyInstance) => {
    if (elsewhere) {
      await app.register(replyFrom, { http: { requestOptions: { timeout: 15_000 } } });
      app.addHook('preHandler', async (request, reply) => {
        const at = elsewhere();
        if (at === undefined || request.ws) return;
        await reply.from(`${at}${request.url}`);
        return reply;
      });
    }
    const agentOf = async (request: FastifyRequest): Promise<Agent> => {
      const scope = scopeOf(request);
      const userId = request.token?.role === 'agent' ? request.token.userId : null;
      if (!userId)
        throw new Problem(
          'AGENT_TOKEN_UNBOUND',
          'this token is not made for a user; ask an admin for an agent token',
        );
      const center = lookup?.(scope.instance.id);
      if (!center)
        throw new Problem('AGENT_UNAVAILABLE', 'this server runs no contact center for the instance');
      const row = await scope.store.catalog.resource(scope.instance.id, 'user', userId);
      if (!row) throw new Problem('AGENT_USER_UNKNOWN', `the instance no longer has user ${userId}`);
      const username = typeof row.data.username === 'string' ? row.data.username : row.name;
      return { center, user: { id: row.id, arn: row.arn, username } };
    };

    const sockets = new WeakMap<FastifyRequest, Agent>();

    const stateOf = ({ center, user }: Agent): AgentState => {
      const snapshot = center.snapshot(user.id) ?? null;
      const contacts = (snapshot?.Contacts ?? []).flatMap((c) => {
        const details = center.contactDetails?.(user.id, c.ContactId);
        return details ? [details] : [];
      });
      return { user, snapshot, customStatuses: center.customStatuses?.() ?? [], contacts };
    };

    const act = (
      url: string,
      run: (a: Agent, request: FastifyRequest) => Promise<Result<unknown>>,
      schema = {},
      limit?: LimitedAction,
    ) =>
      app.post(
        url,
        {
          config: { access: 'agent', ...(limit ? { limit } : {}) },
          schema: { params: instanceParams, response: responses, ...schema },
        },
        async (request) => {
          const agent = await agentOf(request);
          unwrap(await run(agent, request));
          return stateOf(agent);
        },
      );

    app.get(
      '/agent',
      {
        config: { access: 'agent' },
        schema: {
          description: 'The signed-in agent: snapshot (null before login), statuses, contacts.',
          params: instanceParams,
        },
      },
      async (request) => stateOf(await agentOf(request)),
    );

    act('/agent/login', ({ center, user }) => center.login(user.id), {}, 'login');
    act('/agent/logout', ({ center, user }) => center.logout(user.id));
    act(
      '/agent/status',
      ({ center, user }, r) => center.setStatus(user.id, (r.body as { status: never }).status),
      {
        body: statusBody,
      },
    );

    const contactOps = { accept: 'accept', reject: 'reject', clear: 'clearContact' } as const;
    for (const [path, method] of Object.entries(contactOps))
      act(
        `/agent/contacts/:contact/${path}`,
        ({ center, user }, r) => center[method](user.id, (r.params as { contact: string }).contact),
        { params: contactParams },
      );

    for (const method of ['hold', 'resume', 'mute', 'unmute', 'disconnect'] as const)
      act(
        `/agent/participants/:participant/${method}`,
        ({ center, user }, r) => center[method](user.id, (r.params as { participant: string }).participant),
        { params: participantParams },
      );

    act(
      '/agent/transfer',
      ({ center, user }, r) =>
        center.transfer(user.id, r.body as { quickConnectId: string } | { phoneNumber: string }),
      { body: transferBody },
    );
    act('/agent/conference', ({ center, user }) => center.conference(user.id));
    act('/agent/swap', ({ center, user }) => center.swap(user.id));
    act('/agent/hold-all', ({ center, user }) => center.holdAll(user.id));

    app.get(
      '/agent/quick-connects',
      { config: { access: 'agent' }, schema: { params: instanceParams, response: responses } },
      async (request) => {
        const { center, user } = await agentOf(request);
        return { quickConnects: unwrap(await center.quickConnects(user.id)) };
      },
    );

    app.get(
      '/agent/events',
      {
        websocket: true,
        config: { access: 'agent' },
        schema: {
          description:
            "The agent's events as Connect's agent event stream writes them (LOGIN, LOGOUT, STATE_CHANGE, HEART_BEAT), one JSON message each; " +
            'and {"type":"PARTICIPANTS_CHANGED"}, with no EventType, when the parties of their call change (those events do not carry them): GET /agent then has the new participants.',
          params: instanceParams,
        },
        // Refused before the upgrade, so the client sees the coded answer.
        preHandler: async (request) => {
          if (elsewhere?.() === undefined) sockets.set(request, await agentOf(request));
        },
      },
      (socket, request) => {
        const at = elsewhere?.();
        if (at !== undefined)
          return forwardSocket(socket, `${at.replace(/^http/, 'ws')}${request.url}`, request);
        const agent = sockets.get(request);
        if (!agent) return socket.close(1011, 'no agent');
        const { center, user } = agent;
        const send = (message: object) => {
          // A slow client must not hold the server's memory: drop messages while its buffer is full.
          if (socket.bufferedAmount > 1_000_000) return;
          socket.send(JSON.stringify(message));
        };
        const changed: ParticipantsChanged = { type: 'PARTICIPANTS_CHANGED' };
        const unsubscribe = [
          center.onAgentEvent((event) => event.AgentARN === user.arn && send(event)),
          center.onParticipantsChange?.((userId) => userId === user.id && send(changed)),
        ];
        const stop = () => {
          for (const off of unsubscribe) off?.();
        };
        socket.on('close', stop);
        socket.on('error', stop);
      },
    );
  };
