/**
 * A whole instance as one instance bundle (schemas/instance-bundle.schema.json), and a bundle
 * imported into an instance in one transaction. Resources get the check the resource routes give
 * (checkResource), but against the instance as it will be once the whole bundle is in, so resources
 * naming each other (queue ↔ quick connect, user → routing profile → queue, phone number → flow)
 * need no order. Flows go through the import resolver, then are published when they pass the
 * publish checks. One refused resource or flow refuses the bundle: with half an instance in, the
 * flows that made it would point at what did not.
 */
export { importInstanceBundle } from './apply.js';
export { exportInstanceBundle } from './export.js';
export type {
  BundleAction,
  BundleFlowReport,
  BundleImportReport,
  BundleResourceReport,
} from './shared.js';
