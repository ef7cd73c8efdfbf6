import { textOf } from '../../model/text.js';
import type { ActionBuilder } from '../builder.js';
import type { BranchRule, LegacyRule } from '../rule.js';
import { EVALUATE_OPERATORS } from '../rule.js';
import { exportString, legacyBoolean, own, reference } from '../values.js';
import { QUEUE_PARAMS } from './routing.js';

function finishCompare(b: ActionBuilder): void {
  const attribute = b.legacyValue('Attribute');
  const namespace = b.legacyValue('Namespace');
  if (!attribute || !namespace) {
    const message = 'needs both Namespace and Attribute to name the value to check';
    b.note('LEGACY_PARAMETER_DROPPED', message, b.parameterPathOf(attribute ? 'Namespace' : 'Attribute'));
    return;
  }
  const ref = reference(namespace, attribute);
  if ('path' in ref) b.set('ComparisonValue', ref.path);
  else
    b.note(
      'LEGACY_PARAMETER_DROPPED',
      `${ref.problem}; ComparisonValue not set`,
      b.parameterPathOf('Attribute'),
    );
}

/** Check contact attributes → Compare on the JSONPath named by Namespace + Attribute. */
export const compare: LegacyRule = {
  type: 'Compare',
  params: { Attribute: 'ignore', Namespace: 'ignore' },
  finish: finishCompare,
  branches: { Evaluate: 'evaluate', NoMatch: { error: 'NoMatchingCondition' } },
  next: ['NoMatch'],
};

/**
 * Distribute by percentage: legacy Evaluate values are percentages; the Flow language wants a rising
 * chain of NumberLessThan thresholds, each the previous plus the branch's percentage (the documented
 * construction), over a random number 1–100. NoMatch carries the remainder.
 */
const percentBranch: BranchRule = (b, br, i) => {
  const percent = Number(exportString(br.conditionValue));
  if (!Number.isFinite(percent) || percent < 0) {
    b.note(
      'LEGACY_BRANCH_UNKNOWN',
      `percentage ${textOf(br.conditionValue)} is not a number; dropped`,
      b.branchPath(i),
    );
    return;
  }
  const threshold = ((b.state.cumulative as number | undefined) ?? 0) + percent;
  b.state.cumulative = threshold;
  b.addCondition(br.transition, 'NumberLessThan', String(threshold));
};

export const distributeByPercentage: LegacyRule = {
  type: 'DistributeByPercentage',
  branches: { Evaluate: percentBranch, NoMatch: { error: 'NoMatchingCondition' } },
  next: ['NoMatch'],
};

/** Loop: Looping/Complete become the ContinueLooping/DoneLooping conditions. */
export const loop: LegacyRule = {
  type: 'Loop',
  params: { LoopCount: { to: 'LoopCount' } },
  branches: {
    Looping: { operator: 'Equals', operand: 'ContinueLooping' },
    Complete: { operator: 'Equals', operand: 'DoneLooping' },
  },
  next: ['Complete'],
};

/** Check hours of operation: True/False become the two Equals conditions. */
export const checkHoursOfOperation: LegacyRule = {
  type: 'CheckHoursOfOperation',
  params: { Hours: { to: 'HoursOfOperationId', names: ['Hours.text'], resource: true } },
  branches: {
    True: { operator: 'Equals', operand: 'True' },
    False: { operator: 'Equals', operand: 'False' },
    Error: { error: 'NoMatchingError' },
  },
  next: ['Error', 'False'],
};

const STAFFING_METRICS: Readonly<Record<string, string>> = {
  available: 'NumberOfAgentsAvailable',
  staffed: 'NumberOfAgentsStaffed',
  online: 'NumberOfAgentsOnline',
};

/** Check staffing → CheckMetricData on an agent count; True is "greater than 0", False the default. */
export const checkStaffing: LegacyRule = {
  type: 'CheckMetricData',
  params: {
    ...QUEUE_PARAMS,
    Status: (b, p, i) => {
      const metric = own(STAFFING_METRICS, textOf(p.value).toLowerCase());
      if (metric) b.set('MetricType', metric);
      else
        b.note(
          'LEGACY_PARAMETER_DROPPED',
          `staffing status ${textOf(p.value)} is not known`,
          b.parameterPath(i),
        );
    },
  },
  order: ['MetricType'],
  branches: {
    True: { operator: 'NumberGreaterThan', operand: '0' },
    False: { error: 'NoMatchingCondition' },
    Error: { error: 'NoMatchingError' },
  },
  next: ['Error', 'False'],
};

/** Check queue status conditions: the metric each names, and the factor from the legacy unit. */
const QUEUE_STATUS: Readonly<Record<string, { metric: string; scale: number }>> = {
  CheckQueueTime: { metric: 'OldestContactInQueueAgeSeconds', scale: 1000 }, // legacy value in milliseconds
  CheckQueueCapacity: { metric: 'NumberOfContactsInQueue', scale: 1 },
  CheckQueueSize: { metric: 'NumberOfContactsInQueue', scale: 1 },
};

const queueStatusBranch: BranchRule = (b, br, i) => {
  const spec = own(QUEUE_STATUS, br.condition);
  const operator = own(EVALUATE_OPERATORS, br.conditionType ?? '');
  const value = Number(exportString(br.conditionValue));
  const metric = b.get('MetricType');
  if (!spec || !operator || !Number.isFinite(value) || (metric !== undefined && metric !== spec.metric)) {
    const why = spec && metric !== undefined && metric !== spec.metric ? ' (one metric per action)' : '';
    b.note(
      'LEGACY_BRANCH_UNKNOWN',
      `queue-status branch ${br.condition} cannot be converted${why}`,
      b.branchPath(i),
    );
    return;
  }
  b.set('MetricType', spec.metric);
  b.addCondition(br.transition, operator, String(value / spec.scale));
};

/** Check queue status → CheckMetricData on queue time or size. */
export const checkQueueStatus: LegacyRule = {
  type: 'CheckMetricData',
  params: QUEUE_PARAMS,
  order: ['MetricType'],
  branches: {
    CheckQueueTime: queueStatusBranch,
    CheckQueueCapacity: queueStatusBranch,
    CheckQueueSize: queueStatusBranch,
    NoMatch: { error: 'NoMatchingCondition' },
    Error: { error: 'NoMatchingError' },
  },
  next: ['Error', 'NoMatch'],
};

/** Get queue metrics → GetMetricData. */
export const getMetricData: LegacyRule = {
  type: 'GetMetricData',
  params: { ...QUEUE_PARAMS, Channel: { to: 'QueueChannel', values: { VOICE: 'Voice', CHAT: 'Chat' } } },
  branches: { Error: { error: 'NoMatchingError' } },
};

/** Wait → Wait with the export spelling TimeLimitSeconds; "customer returned" becomes an event. */
export const wait: LegacyRule = {
  type: 'Wait',
  params: {
    TimeoutSeconds: { to: 'TimeLimitSeconds' },
    InterruptOnCustomerReturn: (b, p) => {
      if (legacyBoolean(p.value)) b.state.events = ['CustomerReturned'];
    },
  },
  finish: (b) => {
    if (b.state.events) b.set('Events', b.state.events);
  },
  branches: {
    CustomerReturn: { operator: 'Equals', operand: 'CustomerReturned' },
    Timeout: { operator: 'Equals', operand: 'WaitCompleted' },
    Error: { error: 'NoMatchingError' },
  },
  next: ['Error', 'Timeout'],
};
