import type { AriResponse } from '@parley/ari';

const RESOURCES = [
  'asterisk',
  'endpoints',
  'channels',
  'bridges',
  'recordings',
  'sounds',
  'playbacks',
  'deviceStates',
  'mailboxes',
  'events',
  'applications',
];

/**
 * `GET /ari/api-docs/resources.json`: the listing that says which ARI version this is (10.0.0 for
 * Asterisk 22). The per-resource documents are Asterisk's own and are not served.
 */
export function apiDocs(path: string, baseUrl: string): AriResponse | undefined {
  if (path !== '/api-docs/resources.json') return undefined;
  const body = {
    _copyright: 'Copyright (C) 2012 - 2013, Digium, Inc.',
    _author: 'David M. Lee, II <dlee@digium.com>',
    _svn_revision: '$Revision$',
    apiVersion: '10.0.0',
    swaggerVersion: '1.1',
    basePath: baseUrl,
    apis: RESOURCES.map((name) => ({ path: `/api-docs/${name}.{format}`, description: `${name} resources` })),
  };
  return { status: 200, body: JSON.stringify(body), contentType: 'application/json' };
}
