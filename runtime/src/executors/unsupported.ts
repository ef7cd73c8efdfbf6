/**
 * Blocks for services Parley does not provide. Each takes its error branch with a Results text that
 * names the service: a flow that relies on one is visibly degraded, never silently successful.
 */
import { getBlock } from '@parley/flow';
import { coded, fail } from './common.js';
import type { BlockExecutor } from './types.js';

/** The Amazon Connect service behind each block Parley does not run. */
export const NOT_PROVIDED: Readonly<Record<string, string>> = {
  CreateCase: 'Amazon Connect Cases',
  GetCase: 'Amazon Connect Cases',
  UpdateCase: 'Amazon Connect Cases',
  AssociateContactToCustomerProfile: 'Amazon Connect Customer Profiles',
  CreateCustomerProfile: 'Amazon Connect Customer Profiles',
  GetCalculatedAttributesForCustomerProfile: 'Amazon Connect Customer Profiles',
  GetCustomerProfile: 'Amazon Connect Customer Profiles',
  GetCustomerProfileObject: 'Amazon Connect Customer Profiles',
  UpdateCustomerProfile: 'Amazon Connect Customer Profiles',
  CheckSegmentMembershipForCustomerProfile: 'Amazon Connect Customer Profiles',
  StartVoiceIdStream: 'Amazon Connect Voice ID',
  CheckVoiceId: 'Amazon Connect Voice ID',
  CreateWisdomSession: 'Amazon Q in Connect (Wisdom)',
  ShowView: 'views (step-by-step guides)',
  CreateTask: 'tasks',
  ResumeContact: 'tasks (paused contacts)',
  StartOutboundChatContact: 'chat and SMS messaging',
  CreatePersistentContactAssociation: 'persistent chat',
  UpdateContactMediaProcessing: 'chat message processing',
  StartOutboundEmailContact: 'email contacts',
  RenderMessageTemplate: 'message templates',
  CreateContact: 'contacts created from a flow',
  CheckOutboundCallStatus: 'outbound campaigns (call progress analysis)',
  UpdateContactMediaStreamingBehavior: 'live media streaming (Kinesis Video Streams)',
};

export const notProvided =
  (service: string): BlockExecutor =>
  async (input) =>
    fail(
      input,
      'NoMatchingError',
      coded(
        'ENGINE_NO_EXECUTOR',
        `Parley does not provide ${service}: ${input.action.type} takes its error branch`,
      ),
    );

/**
 * Names that are not Flow-language actions: legacy module types (converted when a legacy flow is
 * loaded, so only a hand-made flow gets here) and third-party names no real export confirms.
 */
export const notAnAction: BlockExecutor = async (input) => {
  const spec = getBlock(input.action.type);
  const why =
    spec?.status === 'legacy'
      ? `${input.action.type} is a pre-2019 module type${spec.replacedBy ? ` (now ${spec.replacedBy})` : ''}: load the flow through the legacy converter`
      : `${input.action.type} is not a verified Flow-language action; Parley does not run it`;
  return fail(input, 'NoMatchingError', coded('ENGINE_NO_EXECUTOR', why));
};
