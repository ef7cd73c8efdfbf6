/**
 * The flow data object a JSONPath may address (reference §5.2), as a tree: `'*'` stands for any key,
 * `true` is a leaf, and `'any'` accepts any path below (Lambda JSON results, Lex, metrics…). The
 * designer's attribute picker reads the same tree.
 */
export type NamespaceNode = NamespaceTree | true | 'any';
export type NamespaceTree = { readonly [key: string]: NamespaceNode };

/** One level of user-chosen keys holding strings (contact attributes). */
const KEYS = { '*': true } as const;
const ANY = 'any';
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
  // The customer callback number ("not applicable" in the docs' table, but Connect's designer saves it
  // as $.CallbackNumber in Set callback number).
  CallbackNumber: true,
  Media: { InitialMessage: true, Sip: { Headers: KEYS } },
  MediaStreams: {
    Customer: {
      Audio: { StreamARN: true, StartTimestamp: true, StopTimestamp: true, StartFragmentNumber: true },
    },
  },
  Attributes: KEYS,
  External: ANY,
  // InvocationId per the docs; async results are loaded below it too (ResultData in real exports).
  LambdaInvocation: ANY,
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
  let node: NamespaceNode = tree;
  for (const s of segments) {
    if (node === 'any') return true;
    if (node === true) return false;
    const next: NamespaceNode | undefined = Object.hasOwn(node, s) ? node[s] : node['*'];
    if (next === undefined) return false;
    node = next;
  }
  return true;
}
