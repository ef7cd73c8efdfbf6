/**
 * The flow data object a JSONPath may address (reference §5.2), as a tree: `'*'` means any key is
 * allowed below (user attributes, Lambda results…); `true` a leaf. The designer's attribute picker
 * reads the same tree.
 */
export type NamespaceTree = { readonly [key: string]: NamespaceTree | true };

const ANY = { '*': true } as const;
const ENDPOINT = { Address: true, Type: true, DisplayName: true } as const;

export const FLOW_DATA: NamespaceTree = {
  AwsRegion: true,
  ContactId: true,
  InitialContactId: true,
  PreviousContactId: true,
  RelatedContactId: true,
  Task: { ContactId: true },
  Channel: true,
  InitiationMethod: true,
  InstanceARN: true,
  CustomerEndpoint: ENDPOINT,
  SystemEndpoint: ENDPOINT,
  AdditionalEmailRecipients: { ToList: true, CcList: true },
  CustomerId: true,
  Queue: { Name: true, ARN: true, OutboundCallerId: { Address: true, Type: true } },
  TextToSpeechVoiceId: true,
  LanguageCode: true,
  Name: true,
  Description: true,
  References: { '*': { Value: true, Type: true } },
  StoredCustomerInput: true,
  Media: { InitialMessage: true, Sip: { Headers: ANY } },
  MediaStreams: { Customer: { Audio: { StreamARN: true, StartTimestamp: true, StopTimestamp: true, StartFragmentNumber: true } } },
  Attributes: ANY,
  External: ANY,
  LambdaInvocation: { InvocationId: true },
  Lex: ANY,
  Metrics: ANY,
  Agent: ANY,
  Customer: ANY,
  Case: ANY,
  Wisdom: ANY,
  FlowAttributes: ANY,
  SegmentAttributes: ANY,
  Views: ANY,
  Tags: ANY,
  Campaign: ANY,
  ContactDetails: ANY,
  Email: ANY,
  Contact: ANY,
  Module: ANY,
  Loop: ANY,
  Capabilities: ANY,
  DataTable: ANY,
};

/** Whether `segments` (without the leading `$`) address something in the flow data. */
export function isKnownPath(segments: readonly string[], tree: NamespaceTree = FLOW_DATA): boolean {
  let node: NamespaceTree | true = tree;
  for (const s of segments) {
    if (node === true) return false;
    const next: NamespaceTree | true | undefined = Object.hasOwn(node, s) ? node[s] : node['*'];
    if (next === undefined) return false;
    node = next;
  }
  return true;
}
