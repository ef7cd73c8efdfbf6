/**
 * The one catalogue of diagnostic codes. Codes are stable: CLI, API and designer show them, users
 * search for them, and a code once published is never reused for another meaning. A code that is no
 * longer emitted moves to RETIRED_CODES instead of being deleted. docs/ERRORS.md is generated from
 * this file (`pnpm docs:errors`) and a test keeps the two in step.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CodeSpec {
  severity: Severity;
  title: string;
  /** What it means and what to do about it; rendered in docs/ERRORS.md. */
  doc: string;
}

export const CODES = {
  // Reading the input
  INPUT_TOO_LARGE: {
    severity: 'error',
    title: 'Input larger than 2 MB',
    doc: 'Parley accepts flow documents up to 2 MB (Connect itself caps content at 256,000 characters). Larger input is refused before it is read whole.',
  },
  INPUT_EMPTY: { severity: 'error', title: 'Empty input', doc: 'The file or request body has no content.' },
  INPUT_NOT_UTF8: {
    severity: 'error',
    title: 'Input is not valid UTF-8',
    doc: 'Flow documents are JSON text in UTF-8. The byte offset of the first invalid sequence is given.',
  },
  JSON_SYNTAX: {
    severity: 'error',
    title: 'Malformed JSON',
    doc: 'The input is not valid JSON. The message gives the line and column where parsing stopped.',
  },
  JSON_TOO_DEEP: {
    severity: 'error',
    title: 'JSON nested too deeply',
    doc: 'Objects and arrays may nest at most 64 levels. Real flows nest fewer than 15.',
  },
  JSON_STRING_TOO_LONG: {
    severity: 'error',
    title: 'String value too long',
    doc: 'A single string (key or value) is longer than 256,000 characters, the size of a whole Connect flow.',
  },
  JSON_NUMBER_TOO_LARGE: {
    severity: 'error',
    title: 'Number too large',
    doc: 'A number is beyond what a 64-bit floating-point value holds (about 1.8e308): it would be read as Infinity and saved as null, so the document could not round-trip. Real flows hold no such numbers; quote it if it is an identifier.',
  },
  FILE_NOT_FOUND: { severity: 'error', title: 'File not found', doc: 'The path given does not exist.' },
  FILE_UNREADABLE: {
    severity: 'error',
    title: 'File cannot be read',
    doc: 'The path exists but could not be read (a directory, or no permission).',
  },

  // The document
  DOC_NOT_OBJECT: {
    severity: 'error',
    title: 'Document is not a JSON object',
    doc: 'A flow document is a JSON object with Version, StartAction, Metadata and Actions.',
  },
  DOC_FORMAT_UNKNOWN: {
    severity: 'error',
    title: 'Not a flow document',
    doc: 'The object is neither a 2019-10-30 flow (Version and Actions) nor a legacy console export (modules).',
  },
  DOC_VERSION_UNSUPPORTED: {
    severity: 'error',
    title: 'Unsupported flow-language version',
    doc: 'The only Flow-language version is "2019-10-30".',
  },
  DOC_SCHEMA: {
    severity: 'error',
    title: 'Document structure invalid',
    doc: 'A top-level field, an action or a transition has the wrong JSON type or a required field is missing. The path points at it.',
  },
  DOC_TOO_MANY_ACTIONS: {
    severity: 'error',
    title: 'More than 5,000 actions',
    doc: 'Parley accepts up to 5,000 actions per flow (Connect: 250). Split the flow with modules or Transfer to flow.',
  },
  DOC_OVER_CONNECT_ACTION_LIMIT: {
    severity: 'warning',
    title: 'More than 250 actions',
    doc: 'Connect refuses flows with more than 250 actions; this flow runs in Parley but will not import into Connect.',
  },
  DOC_OVER_CONNECT_SIZE_LIMIT: {
    severity: 'warning',
    title: 'Content over 256,000 characters',
    doc: 'Connect refuses flow content longer than 256,000 characters; this flow runs in Parley but will not import into Connect.',
  },
  FLOW_TYPE_UNKNOWN: {
    severity: 'warning',
    title: 'Unknown flow type',
    doc: 'Metadata.type (or --flow-type) is not one of the Connect flow types; flow-type restrictions are not checked.',
  },
  MODULE_SETTINGS_MISSING: {
    severity: 'warning',
    title: 'Module without Settings',
    doc: 'A flow module should carry Settings (InputParameters, OutputParameters, Transitions); Connect refuses modules without it.',
  },
  METADATA_ORPHAN: {
    severity: 'info',
    title: 'Metadata for a missing action',
    doc: 'Metadata.ActionMetadata has an entry for an Identifier that is not in Actions. Harmless; the designer drops it on save.',
  },

  // Actions
  START_ACTION_MISSING: {
    severity: 'error',
    title: 'StartAction missing',
    doc: 'The document has no StartAction, so there is nothing to run.',
  },
  START_ACTION_UNCONNECTED: {
    severity: 'warning',
    title: 'Entry point not connected',
    doc: 'StartAction is the empty string: Connect saves a draft whose entry point is not connected this way. The flow does nothing until it is connected.',
  },
  START_ACTION_DANGLING: {
    severity: 'error',
    title: 'StartAction names no action',
    doc: 'StartAction must equal the Identifier of one of the actions.',
  },
  ACTION_ID_TOO_LONG: {
    severity: 'error',
    title: 'Identifier longer than 50 characters',
    doc: 'Connect limits action Identifiers to 50 characters.',
  },
  ACTION_ID_FORBIDDEN_CHARACTER: {
    severity: 'error',
    title: 'Identifier contains a forbidden character',
    doc: 'Identifiers may not contain % : ( \\ / ) = $ , ; [ ] { }.',
  },
  ACTION_ID_RESERVED: {
    severity: 'error',
    title: 'Identifier is a reserved word',
    doc: 'Identifiers may not be JavaScript prototype names such as __proto__, constructor or toString.',
  },
  ACTION_ID_EMPTY: {
    severity: 'error',
    title: 'Identifier empty',
    doc: 'An action has an empty Identifier.',
  },
  ACTION_ID_DUPLICATE: {
    severity: 'error',
    title: 'Duplicate Identifier',
    doc: 'Two actions share an Identifier; transitions to it would be ambiguous.',
  },
  ACTION_TYPE_UNKNOWN: {
    severity: 'warning',
    title: 'Unknown action type',
    doc: 'The Type is not an action of the Flow language. As Connect does for blocks it cannot run, the action is kept (and round-trips), takes its NoMatchingError branch at run time, and publishing refuses it.',
  },
  ACTION_TYPE_LEGACY: {
    severity: 'warning',
    title: 'Legacy block name used as an action type',
    doc: 'The Type is a pre-2019 block name (it appears in flow logs) but is not valid in 2019-10-30 content. The message names the action type to use; like an unknown type it cannot run and publishing refuses it.',
  },
  ACTION_TYPE_UNVERIFIED: {
    severity: 'warning',
    title: 'Unverified action type',
    doc: 'The Type has been reported by third parties but never seen in a real Connect export; Parley cannot run it.',
  },
  BLOCK_NOT_PROVIDED: {
    severity: 'warning',
    title: 'Block needs a service Parley does not provide',
    doc: 'The action is valid Connect content, but it needs an AWS service Parley does not provide (Cases, Customer Profiles, Voice ID, Amazon Q, tasks, chat, email, campaigns, media streaming). When it runs it takes its error branch, with the reason in the flow log; route that branch where the caller should go without the service.',
  },
  ACTION_NOT_ALLOWED_IN_FLOW_TYPE: {
    severity: 'warning',
    title: 'Action not allowed in this flow type',
    doc: 'Connect restricts this action to other flow types. A warning while editing; publishing refuses it.',
  },
  ACTION_UNREACHABLE: {
    severity: 'warning',
    title: 'Action unreachable',
    doc: 'No path from StartAction leads to this action, so it never runs.',
  },

  // Parameters
  PARAM_MISSING: {
    severity: 'error',
    title: 'Required parameter missing',
    doc: 'The action needs this parameter.',
  },
  PARAM_TYPE: {
    severity: 'error',
    title: 'Parameter has the wrong type',
    doc: 'The parameter value has the wrong JSON type (for example an object where text belongs).',
  },
  PARAM_VALUE_NOT_ALLOWED: {
    severity: 'error',
    title: 'Parameter value not allowed',
    doc: 'The value is not one of the values Connect accepts for this parameter; the message lists them.',
  },
  PARAM_OUT_OF_RANGE: {
    severity: 'error',
    title: 'Number out of range or not a number',
    doc: 'The parameter must be a whole number (or decimal) within the documented range; exports write it as a string such as "8".',
  },
  PARAM_INVALID: {
    severity: 'error',
    title: 'Parameter invalid',
    doc: 'The parameter breaks a rule of its schema (length, pattern, item count); the message says which.',
  },
  PARAM_UNKNOWN: {
    severity: 'warning',
    title: 'Unknown parameter',
    doc: 'The action does not define this parameter. It is kept and exported unchanged but has no effect in Parley.',
  },
  PARAM_CONFLICT: {
    severity: 'error',
    title: 'Conflicting parameters',
    doc: 'Only one of these parameters may be given (for example Text and PromptId).',
  },
  PARAM_ONE_OF_MISSING: {
    severity: 'error',
    title: 'One of several parameters required',
    doc: 'Exactly one of the listed parameters must be given (for example a prompt: Text, SSML, PromptId or Media).',
  },
  PARAM_MUST_BE_STATIC: {
    severity: 'error',
    title: 'Parameter must be static',
    doc: 'This parameter cannot be set dynamically; replace the JSONPath with a fixed value.',
  },
  PARAM_MUST_BE_JSONPATH: {
    severity: 'error',
    title: 'Parameter must be a JSONPath',
    doc: 'This parameter must be one JSONPath such as $.Attributes.x; a fixed value is not accepted.',
  },
  PARAM_JSONPATH_NOT_WHOLE: {
    severity: 'error',
    title: 'JSONPath must be the whole value',
    doc: 'This parameter accepts a fixed value or one JSONPath as the entire value, not text with references embedded.',
  },
  JSONPATH_INVALID: {
    severity: 'error',
    title: 'Invalid JSONPath',
    doc: "The reference is not a JSONPath Connect accepts: $ followed by names and ['quoted'] segments; no filters, scripts, wildcards or recursive descent.",
  },
  JSONPATH_UNKNOWN_NAMESPACE: {
    severity: 'error',
    title: 'JSONPath outside the flow data',
    doc: 'The path does not start with a namespace of the flow data ($.Attributes, $.External, $.Lex, $.Queue…); Connect rejects it at publish.',
  },
  TEXT_REFERENCE_UNKNOWN_NAMESPACE: {
    severity: 'warning',
    title: 'Text references an unknown namespace',
    doc: 'A $.reference embedded in text does not start with a namespace of the flow data; it will be spoken as empty text.',
  },
  REFERENCE_PLACEHOLDER: {
    severity: 'warning',
    title: 'Unresolved template placeholder',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: names the ${…} placeholder syntax, not a template
    doc: 'A parameter value or an Identifier holds a template placeholder (${…}, {{…}}, %%…%%) left by infrastructure code (CloudFormation, Terraform, CDK). Other rules are not checked on that value. It must be resolved (at import) before the flow is published.',
  },
  REFERENCE_EMPTY: {
    severity: 'warning',
    title: 'Resource not chosen',
    doc: 'A resource parameter (queue, flow, prompt, Lambda…) is the empty string: Connect exports a block saved without its resource, or a reference it could not resolve, this way. The block takes its error branch at run time until a resource is chosen.',
  },
  REFERENCE_WRONG_KIND: {
    severity: 'error',
    title: 'Reference to the wrong kind of resource',
    doc: 'The ARN names a different kind of resource than the parameter expects (for example a queue ARN where a prompt belongs).',
  },

  // Transitions
  TRANSITION_TARGET_DANGLING: {
    severity: 'error',
    title: 'Transition to a missing action',
    doc: 'A NextAction (plain, condition or error) names an Identifier that is not in Actions.',
  },
  TRANSITION_UNCONNECTED: {
    severity: 'warning',
    title: 'Branch not connected',
    doc: 'A NextAction is the empty string: Connect saves a branch that is not yet connected this way. Taking it ends the flow.',
  },
  TRANSITION_ON_TERMINAL: {
    severity: 'warning',
    title: 'Transitions on a terminal action',
    doc: 'This action ends the flow; Connect exports it with empty Transitions, and these are never taken.',
  },
  CONDITION_NOT_ALLOWED: {
    severity: 'warning',
    title: 'Conditions on an action without a result',
    doc: 'This action produces no result to branch on, so its Conditions are never evaluated.',
  },
  CONDITION_MALFORMED: {
    severity: 'error',
    title: 'Condition malformed',
    doc: 'A condition needs an Operator and exactly one operand in Operands.',
  },
  CONDITION_OPERATOR_UNKNOWN: {
    severity: 'error',
    title: 'Unknown condition operator',
    doc: 'The Flow language has eight operators: Equals, TextStartsWith, TextEndsWith, TextContains, NumberGreaterThan, NumberGreaterOrEqualTo, NumberLessThan, NumberLessOrEqualTo.',
  },
  CONDITION_OPERATOR_NOT_ALLOWED: {
    severity: 'error',
    title: 'Operator not allowed for this action',
    doc: 'The action allows only some operators on its result (for example Equals only for a DTMF menu).',
  },
  CONDITION_OPERAND_INVALID: {
    severity: 'warning',
    title: 'Condition operand the action never produces',
    doc: 'The operand is not a value this action can produce (for example "Done" for Loop, whose results are ContinueLooping and DoneLooping, or a word compared with NumberGreaterThan), so the branch is never taken.',
  },
  CONDITION_DUPLICATE: {
    severity: 'warning',
    title: 'Duplicate condition',
    doc: 'An earlier condition has the same operator and operand, so this one is never taken.',
  },
  ERROR_TYPE_NOT_RAISED: {
    severity: 'warning',
    title: 'Error type the action never raises',
    doc: 'The action never raises this ErrorType, so the branch is dead. The message lists the types it does raise.',
  },
  ERROR_TYPE_DUPLICATE: {
    severity: 'warning',
    title: 'Duplicate error branch',
    doc: 'The same ErrorType is listed twice; only the first is taken.',
  },

  // Legacy (pre-2019) format
  LEGACY_CONVERTED: {
    severity: 'info',
    title: 'Converted from the legacy format',
    doc: 'The file is a pre-2019 console export (modules/branches/parameters); it was converted to the 2019-10-30 language.',
  },
  LEGACY_MODULE_UNKNOWN: {
    severity: 'error',
    title: 'Unknown legacy block',
    doc: 'The legacy module type has no known 2019-10-30 equivalent; it is kept under its own name and cannot run.',
  },
  LEGACY_PARAMETER_DROPPED: {
    severity: 'warning',
    title: 'Legacy parameter not carried over',
    doc: 'A legacy parameter has no equivalent in the 2019-10-30 action and was dropped; the message names it.',
  },
  LEGACY_BRANCH_UNKNOWN: {
    severity: 'warning',
    title: 'Legacy branch not carried over',
    doc: 'A legacy branch condition has no equivalent for this block and was dropped.',
  },

  // Running flows (flow-log Results and error branches, not validation)
  ENGINE_PATH_INVALID: {
    severity: 'error',
    title: 'JSONPath refused at run time',
    doc: 'Not a JSONPath of the flow language: filters, scripts, wildcards, unions and recursive descent are refused and never evaluated. The action takes its error branch.',
  },
  ENGINE_PATH_UNSAFE: {
    severity: 'error',
    title: 'Unsafe JSONPath key',
    doc: 'A quoted JSONPath segment uses characters no flow-data key can contain; the action takes its error branch.',
  },
  ENGINE_PATH_UNKNOWN: {
    severity: 'error',
    title: 'JSONPath outside the flow data',
    doc: 'The JSONPath does not address the flow data ($.Attributes, $.External, $.Queue…).',
  },
  ENGINE_VALUE_MISSING: {
    severity: 'error',
    title: 'Reference names nothing',
    doc: 'A parameter that is one whole reference names nothing on this contact; the action takes its error branch as Connect does.',
  },
  ENGINE_PARAMETER_INVALID: {
    severity: 'error',
    title: 'Parameter unusable at run time',
    doc: 'A parameter (often a resolved dynamic one) has a value the action cannot use.',
  },
  ENGINE_RESOURCE_NOT_FOUND: {
    severity: 'error',
    title: 'Resource not found at run time',
    doc: 'A referenced queue, agent, flow, prompt, bot or hours of operation does not exist in the instance.',
  },
  ENGINE_HOURS_INVALID: {
    severity: 'error',
    title: 'Hours of operation unusable',
    doc: 'An hours of operation resource cannot be evaluated (unknown time zone, malformed times).',
  },
  ENGINE_ATTRIBUTES_TOO_LARGE: {
    severity: 'error',
    title: 'Contact attributes too large',
    doc: 'Contact attributes would exceed 32 KB, the limit Connect sets; the update is refused.',
  },
  ENGINE_NO_SUCH_ACTION: {
    severity: 'error',
    title: 'Branch to a missing action',
    doc: 'A branch names an Identifier no action of the flow has; the flow ends there.',
  },
  ENGINE_NO_EXECUTOR: {
    severity: 'error',
    title: 'Block cannot run here',
    doc: 'The runtime provides no executor for this block type (a service Parley does not provide); the action takes its error branch, never a silent success.',
  },
  ENGINE_BAD_STEP: {
    severity: 'error',
    title: 'Executor returned no outcome',
    doc: 'An executor returned something that is not a step result; the flow ends with a fault.',
  },
  ENGINE_EXECUTOR_FAILED: {
    severity: 'error',
    title: 'Executor failed',
    doc: 'An executor threw instead of returning an outcome; the flow ends with a fault.',
  },
  ENGINE_TELEPHONY_FAILED: {
    severity: 'error',
    title: 'Telephony command failed',
    doc: 'Asterisk answered an error to a command for the call (a prompt, for instance), or did not answer, and the runtime gave up after repeating what is safe to repeat. The block takes its error branch and the call stays up. Look at the Asterisk log for the reason.',
  },
  LAMBDA_NOT_FOUND: {
    severity: 'error',
    title: 'Lambda function not found',
    doc: 'No function resource maps this ARN (or its endpoint answered 404).',
  },
  LAMBDA_ACCESS_DENIED: {
    severity: 'error',
    title: 'Lambda access denied',
    doc: 'The function endpoint answered 401 or 403.',
  },
  LAMBDA_THROTTLED: {
    severity: 'error',
    title: 'Lambda throttled',
    doc: 'The function endpoint answered 429 on every attempt within the time limit.',
  },
  LAMBDA_UNREACHABLE: {
    severity: 'error',
    title: 'Lambda unreachable',
    doc: 'The function endpoint could not be reached.',
  },
  LAMBDA_TIMEOUT: {
    severity: 'error',
    title: 'Lambda timed out',
    doc: 'The function did not answer within InvocationTimeLimitSeconds (at most 8 s synchronous, 60 s asynchronous).',
  },
  LAMBDA_FUNCTION_ERROR: {
    severity: 'error',
    title: 'Lambda function failed',
    doc: 'The function threw, or its endpoint answered with a server error.',
  },
  LAMBDA_INVALID_JSON: {
    severity: 'error',
    title: 'Lambda answer is not JSON',
    doc: 'The function answered with a body that is not JSON.',
  },
  LAMBDA_INVALID_RESPONSE: {
    severity: 'error',
    title: 'Lambda answer has the wrong shape',
    doc: 'The answer is not an object, or (STRING_MAP) holds nested values.',
  },
  LAMBDA_RESPONSE_TOO_LARGE: {
    severity: 'error',
    title: 'Lambda answer too large',
    doc: 'The answer is larger than 32 KB, the limit Connect sets.',
  },
  TTS_EMPTY_TEXT: {
    severity: 'error',
    title: 'Nothing to say',
    doc: 'The prompt text (or SSML) is empty after interpolation.',
  },
  TTS_INVALID_SSML: {
    severity: 'error',
    title: 'Invalid SSML',
    doc: 'The SSML prompt does not parse; nothing is spoken and the action takes its error branch.',
  },
  TTS_ENGINE_MISSING: {
    severity: 'error',
    title: 'Text-to-speech engine missing',
    doc: 'espeak-ng is not installed (./scripts/start and ./scripts/test install it on Debian).',
  },
  TTS_ENGINE_FAILED: {
    severity: 'error',
    title: 'Text-to-speech failed',
    doc: 'The speech engine failed or produced unusable audio.',
  },
  TTS_CACHE_UNWRITABLE: {
    severity: 'error',
    title: 'Speech cache not writable',
    doc: 'The rendered prompt could not be written to the speech cache directory.',
  },

  // Contacts, instance bundles and `parley run`
  CONTACT_STEP_LIMIT: {
    severity: 'error',
    title: 'Contact ran too many blocks',
    doc: 'The contact executed more blocks than the runtime allows without the call ending (a loop through flows or blocks that never waits). The call is disconnected.',
  },
  CONTACT_FLOW_FAULT: {
    severity: 'error',
    title: 'Flow stopped by a runtime fault',
    doc: 'A block executor threw or returned something that is not an outcome; the call is disconnected. The flow log names the block.',
  },
  CONTACT_TRANSFER_TARGET_MISSING: {
    severity: 'error',
    title: 'Transfer to a flow the instance does not have',
    doc: 'A TransferToFlow block ended the flow with a target the instance cannot find any more; the call is disconnected.',
  },
  CONTACT_ANSWER_FAILED: {
    severity: 'error',
    title: 'Call could not be answered',
    doc: 'Answering the inbound call failed (the channel vanished or the telephony server refused); no flow ran.',
  },
  CONTACT_RESUME_FLOW_CHANGED: {
    severity: 'error',
    title: 'Taken-over contact runs a flow version this worker does not have',
    doc: 'A worker took over a call whose worker stopped, but the flow (or module) the contact was in is no longer the version it ran, so the snapshot cannot continue; the call is disconnected with a contact record.',
  },
  INSTANCE_BUNDLE_INVALID: {
    severity: 'error',
    title: 'Instance bundle is not valid',
    doc: 'The --instance file does not follow the instance bundle format (see runtime/src/contact/instance.ts), or a file it names cannot be read.',
  },
  INSTANCE_FLOW_INVALID: {
    severity: 'error',
    title: 'Flow of the instance cannot be loaded',
    doc: 'A flow file named by the bundle, found in --flows or given to parley run is not a flow document.',
  },
  RUN_SCRIPT_INVALID: {
    severity: 'error',
    title: 'Caller script is not valid',
    doc: 'The --caller file does not follow schemas/caller-script.schema.json.',
  },
  RUN_PROMPT_NOT_HEARD: {
    severity: 'error',
    title: 'Expected prompt never played',
    doc: 'An expectPrompt step of the caller script waited for a prompt containing its text, and the call ended (or the time limit passed) without one starting.',
  },
  RUN_TIME_LIMIT: {
    severity: 'error',
    title: 'Call ran past the simulated time limit',
    doc: 'The simulated call was still running when the time limit (--time-limit, 1 hour by default) passed; the caller hung up. Endless flows end this way.',
  },
  RUN_CALL_FAILED: {
    severity: 'error',
    title: 'Simulated call could not be placed',
    doc: 'The caller could not reach the runtime through the simulated telephony server (no inbound call arrived, or it was never answered).',
  },

  // Comparing flows (parley diff)

  // Importing and exporting between instances
  IMPORT_REFERENCE_UNRESOLVED: {
    severity: 'warning',
    title: 'Reference not found in the instance',
    doc: 'No resource of the instance matches the reference by mapping, ARN, ID or name (the display name the export carries in Metadata). It is kept as written: the flow can be saved, but publishing refuses it until the reference is chosen in the designer or given in the mapping file (--map).',
  },
  IMPORT_FLOW_TYPE_MISMATCH: {
    severity: 'error',
    title: 'Flow of another type',
    doc: 'The imported flow declares another flow type than the flow it is imported into (for example a customer queue flow into a contact flow). Connect imports only into a flow of the same type; import it as a flow of its own type.',
  },
  IMPORT_MAP_UNUSED: {
    severity: 'info',
    title: 'Mapping entry not used',
    doc: 'An entry of the mapping file matched no reference of the flow (by value or display name). It may be meant for another flow, or misspelt.',
  },
  IMPORT_MAP_INVALID: {
    severity: 'error',
    title: 'Mapping file invalid',
    doc: 'The mapping (--map) must be a JSON object whose keys are old ARNs, IDs or names and whose values are non-empty strings: the new ARN, ID or name.',
  },

  // Instance resources
  RESOURCE_KIND_UNKNOWN: {
    severity: 'error',
    title: 'Unknown resource kind',
    doc: 'The resource kind (or API path segment) is not one Parley keeps: phone numbers, queues, hours of operation, prompts, Lambda functions, bots, quick connects, users, routing profiles and security profiles.',
  },
  RESOURCE_INVALID: {
    severity: 'error',
    title: 'Resource does not follow its schema',
    doc: "A field of the resource is missing, has the wrong type or is not allowed. The JSON Pointer names the field; the resource kind's schema (`schemas/instance-bundle.schema.json`, one item schema per kind) lists them all.",
  },
  RESOURCE_ARN_MISMATCH: {
    severity: 'error',
    title: 'ARN does not name this resource',
    doc: "A Connect resource's ARN is derived from the instance, its kind and its ID (`…:instance/<id>/queue/<id>`); a given ARN must be that one. Lambda functions keep a `function:` ARN and bots a Lex ARN. Leave `arn` out to have it derived.",
  },
  RESOURCE_REFERENCE_UNKNOWN: {
    severity: 'error',
    title: 'Resource refers to one the instance does not have',
    doc: 'A field names another resource (a queue’s hours of operation, a user’s routing profile, a phone number’s flow…) by ID, ARN or name, and the instance has none of that kind by that reference. Create the other resource first.',
  },
  RESOURCE_FLOW_TYPE_MISMATCH: {
    severity: 'error',
    title: 'Flow of the wrong type',
    doc: 'A user quick connect needs an agent transfer flow, a queue quick connect a queue transfer flow and a queue’s outbound whisper an outbound whisper flow; the flow named has another type.',
  },
  RESOURCE_DUPLICATE: {
    severity: 'error',
    title: 'Two resources of one kind share an ID, ARN or name',
    doc: 'Within an instance each kind of resource is found by ID, ARN and name, so each must be unique among the resources of that kind.',
  },
  RESOURCE_PHONE_INVALID: {
    severity: 'error',
    title: 'Not a valid phone number',
    doc: 'Phone numbers are written in E.164 (`+` then country code and number, e.g. `+18005550100`; spaces and dashes are dropped) and must be a number the country’s numbering plan allows.',
  },
  RESOURCE_TIME_ZONE_UNKNOWN: {
    severity: 'error',
    title: 'Unknown time zone',
    doc: 'Hours of operation name an IANA time zone such as `America/New_York` or `Europe/Paris`; the one given is not known.',
  },
  RESOURCE_HOURS_RANGE_INVALID: {
    severity: 'error',
    title: 'Hours-of-operation range invalid',
    doc: 'A range starts and ends at the same time (00:00 to 00:00 is the whole day), uses 24:00 anywhere but as an end, or overlaps another range (a range whose end is before its start runs past midnight into the next day).',
  },
  RESOURCE_HOURS_OVERRIDE_INVALID: {
    severity: 'error',
    title: 'Hours-of-operation override invalid',
    doc: 'An override’s EffectiveFrom or EffectiveTill is not a calendar date, EffectiveTill is before EffectiveFrom, two overrides share a name, or an OPEN override has no ranges to open.',
  },
  RESOURCE_USERNAME_INVALID: {
    severity: 'error',
    title: 'User name invalid',
    doc: 'User names are 1 to 64 characters from letters, digits, `_`, `-`, `.` and `@`, and may contain `@` only as an email address (`alice@example.com`, not `alice@example`), as Connect requires.',
  },
  RESOURCE_BOT_INVALID: {
    severity: 'error',
    title: 'Bot cannot work',
    doc: 'An intent is defined twice, an utterance uses a `{Slot}` its intent does not define, an intent has neither utterances nor keys, or two intents share a key sequence.',
  },
  RESOURCE_QUICK_CONNECT_INVALID: {
    severity: 'error',
    title: 'Quick connect mixes types',
    doc: 'A quick connect of type USER names a user and an agent transfer flow, QUEUE a queue and a queue transfer flow, PHONE_NUMBER only a phone number; fields of the other types are refused.',
  },
  RESOURCE_ROUTING_PROFILE_INVALID: {
    severity: 'error',
    title: 'Routing profile inconsistent',
    doc: 'A queue is listed twice for the same channel, or for a channel the profile’s concurrency gives no contacts.',
  },
  RESOURCE_SSML_INVALID: {
    severity: 'error',
    title: 'Prompt SSML does not parse',
    doc: 'A prompt spoken from `ssml` must be well-formed SSML inside `<speak>`; the message says where parsing stopped.',
  },
  RESOURCE_AUDIO_INVALID: {
    severity: 'error',
    title: 'Prompt audio is not a sound WAV file',
    doc: 'The upload is not RIFF/WAVE, or its header lies: the RIFF or a chunk size runs past the end of the file, the byte rate or block alignment does not follow from the format, or the fmt or data chunk is missing, repeated or empty.',
  },
  RESOURCE_AUDIO_FORMAT: {
    severity: 'error',
    title: 'Prompt audio in a format calls cannot play',
    doc: 'Prompts are 8 kHz mono WAV, 16-bit PCM or 8-bit μ-law (Connect asks for μ-law), so calls play them without transcoding. Convert with `sox in.wav -r 8000 -c 1 -e u-law out.wav`.',
  },
  RESOURCE_AUDIO_TOO_LARGE: {
    severity: 'error',
    title: 'Prompt audio too large or too long',
    doc: 'Prompts must be smaller than 50 MB and shorter than five minutes, the limits Connect sets.',
  },

  // Store, versions and publishing
  STORE_UNAVAILABLE: {
    severity: 'error',
    title: 'Store unavailable',
    doc: 'The database did not answer (PostgreSQL down or unreachable, the embedded store closed). Nothing of the request was written; retry when it is back.',
  },
  STORE_NAME_TAKEN: {
    severity: 'error',
    title: 'Name already used',
    doc: 'Another flow, instance alias or resource of the same kind in this instance already has this name (Connect names are unique per kind). Choose another name.',
  },
  STORE_VERSION_CONFLICT: {
    severity: 'error',
    title: 'Flow changed since it was read',
    doc: 'The save named the version it was based on (baseVersion) and someone saved a newer one since. Reload, merge, and save again; nothing was overwritten.',
  },
  STORE_FLOW_UNREADABLE: {
    severity: 'error',
    title: 'Flow content cannot be saved',
    doc: 'The content is not a flow document at all (the diagnostics say why). A flow with validation errors can be saved as a draft; one that cannot be read cannot.',
  },
  STORE_FLOW_TYPE_CHANGED: {
    severity: 'error',
    title: 'Content is of another flow type',
    doc: "The saved content declares a flow type (Metadata.type) other than the flow's own; Connect keeps a flow's type for life. Create a new flow of that type instead.",
  },
  PUBLISH_HAS_ERRORS: {
    severity: 'error',
    title: 'Flow has errors and cannot be published',
    doc: "Publishing needs a version with no error: the validator's errors, the flow-type restrictions (blocks this type of flow cannot hold) and every resource reference resolving in the instance. The response lists each problem.",
  },
  PUBLISH_REFERENCE_UNRESOLVED: {
    severity: 'error',
    title: 'Reference does not resolve in this instance',
    doc: 'A block names a queue, prompt, flow, hours, Lambda function, bot or agent this instance does not have (often a placeholder kept by an import). Pick a resource of this instance, or create it, then publish.',
  },
  PUBLISH_VERSION_UNKNOWN: {
    severity: 'error',
    title: 'No such version',
    doc: 'The flow has no version with that number.',
  },
  STORE_BUNDLE_REFUSED: {
    severity: 'error',
    title: 'Instance bundle refused; nothing imported',
    doc: 'A resource or flow of the bundle posted to `/instances/:instance/bundle` failed its check (its diagnostics name it by its place in the bundle, e.g. `/queues/2/hoursOfOperation`). The bundle is imported in one transaction, so nothing of it was written. Fix those items and post again; `?dryRun=true` reports the same without writing. Flows that only fail the publish checks do not refuse the bundle: they are imported unpublished.',
  },

  // Test calls from the designer
  TESTCALL_UNAVAILABLE: {
    severity: 'error',
    title: 'Test calls are not available',
    doc: 'This server cannot place test calls: it was started without telephony, or against an Asterisk without the test dialplan. With Asterisk, set PARLEY_ARI_HARNESS_USER and PARLEY_ARI_HARNESS_PASSWORD to an ARI user of the `harness` app and install the `from-test` context of docs/asterisk/etc/extensions.conf.',
  },
  TESTCALL_DRAFT_INVALID: {
    severity: 'error',
    title: 'Draft cannot be called',
    doc: 'A test call runs the draft as it would be published, so it needs what publishing needs: no validator error and every resource reference resolving in the instance. The response lists each problem.',
  },
  TESTCALL_FLOW_TYPE_UNSUPPORTED: {
    severity: 'error',
    title: 'Only contact flows take test calls',
    doc: 'A test call dials into the flow as a customer would, which only an inbound contact flow (CONTACT_FLOW) answers. Test other flow types through a contact flow that transfers to them.',
  },
  TESTCALL_LIMIT: {
    severity: 'error',
    title: 'Too many test calls',
    doc: 'An instance runs a few test calls at once (4); hang one up first.',
  },
  TESTCALL_ENDED: {
    severity: 'error',
    title: 'Test call is over',
    doc: 'Keys or words were sent to a test call that has already ended.',
  },

  // The agent API and panel (CCP)
  AGENT_UNAVAILABLE: {
    severity: 'error',
    title: 'No contact center on this server',
    doc: 'The agent API drives the contact-center core (queues, agents, call control), which this server was started without, or which the instance has not got. `parley start` runs one per instance.',
  },
  AGENT_TOKEN_UNBOUND: {
    severity: 'error',
    title: 'Token is not an agent’s',
    doc: 'The agent routes act as the instance user the token was made for. An admin makes one with POST /tokens `{ "role": "agent", "user": "<user ID, ARN or username>", "instance": "<instance>" }`; a token without a user (an admin’s, or an agent token made without one) cannot use them.',
  },
  AGENT_USER_UNKNOWN: {
    severity: 'error',
    title: 'No such user',
    doc: 'The agent token names a user the instance does not have (or no longer has). Tokens for a user are agent tokens of that user’s instance; make a new one for an existing user.',
  },
  AGENT_NOT_LOGGED_IN: {
    severity: 'error',
    title: 'Agent is not logged in',
    doc: 'The agent must log in (POST /instances/:instance/agent/login) before setting a status or controlling calls.',
  },
  AGENT_NOT_FOUND: {
    severity: 'error',
    title: 'No such contact, participant or quick connect',
    doc: 'The contact, participant or quick connect named is not one of this agent’s: the contact may have ended, or the quick connect is not in the queues of their routing profile.',
  },
  AGENT_NOT_ALLOWED: {
    severity: 'error',
    title: 'Not possible in the agent’s state',
    doc: 'The operation does not fit what the agent is doing: accepting when nothing is offered, holding when not on a call, clearing a contact not in After Contact Work, adding a party while a dial is in progress. The message says which.',
  },

  // The contact-center core (runtime/src/center)
  CENTER_NOT_SUPPORTED: {
    severity: 'error',
    title: 'Not supported by the contact center yet',
    doc: 'The contact center routes queued calls to agents (queue flows, whispers, bridging, After Contact Work, hold and mute of the customer, quick connects and warm transfers with a third party) but not yet everything an agent may ask, such as holding the agent themself or transferring a callback. The message names what was asked.',
  },
  CENTER_DIAL_FAILED: {
    severity: 'error',
    title: 'The third party did not answer',
    doc: 'An external quick connect or a dialled number rang a third party who was busy, did not answer, or could not be reached (the message says which). The customer is taken off hold and stays with the agent.',
  },

  // The HTTP API and its tokens
  API_UNAUTHORIZED: {
    severity: 'error',
    title: 'Missing or unknown API token',
    doc: 'Send `Authorization: Bearer <token>`. The first admin token is printed when `parley start` creates its store; admins create more with POST /tokens.',
  },
  API_FORBIDDEN: {
    severity: 'error',
    title: 'Token not allowed here',
    doc: "The token's role may not do this (viewer < author < admin; agent only the agent routes), or it belongs to another instance.",
  },
  API_NOT_FOUND: {
    severity: 'error',
    title: 'Not found',
    doc: 'No instance, flow, version, resource or route by that name or id.',
  },
  API_REQUEST_INVALID: {
    severity: 'error',
    title: 'Request is not valid',
    doc: "The request body or query does not follow the route's schema (see /docs); the message names the field.",
  },
  API_BODY_TOO_LARGE: {
    severity: 'error',
    title: 'Request body too large',
    doc: 'The body is larger than the route accepts (4 MB of JSON for flows and most routes, 64 MB for an instance bundle, 16 MB for prompt audio); it was refused before being read.',
  },
  API_RATE_LIMITED: {
    severity: 'error',
    title: 'Too many requests',
    doc: 'This token or address sent too many requests of this kind; wait the seconds given in Retry-After.',
  },
  API_ORIGIN_REFUSED: {
    severity: 'error',
    title: 'Origin not allowed',
    doc: "A browser page from another origin asked (a CORS preflight) to call the API. Only the designer Parley serves may, unless the origin is in the server's allow-list (`parley start --cors-origin`, `PARLEY_CORS_ORIGINS`).",
  },
  API_INTERNAL: {
    severity: 'error',
    title: 'Internal error',
    doc: 'Something failed that should not have; nothing half-written was kept. The server log has the details under the request id.',
  },
} as const satisfies Record<string, CodeSpec>;

export type Code = keyof typeof CODES;

/** Codes that were published and are no longer emitted. Never reuse one. */
export const RETIRED_CODES: readonly string[] = [];
