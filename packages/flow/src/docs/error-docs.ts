import { CODES, RETIRED_CODES } from '../diagnostics/codes.js';

/** docs/ERRORS.md, rendered from the code catalogue so the two cannot drift. */
export function renderErrorDocs(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from packages/flow/src/diagnostics/codes.ts by `pnpm docs:errors`; do not edit by hand. -->',
    '',
    'Every problem Parley finds in a flow, in the CLI, the API and the designer, carries one of these codes.',
    'Codes are stable: a code keeps its meaning forever, and a retired code is never reused.',
    '`error` blocks validation (and publishing); `warning` is reported and allowed while editing;',
    'publishing turns flow-type restrictions and unknown actions into errors.',
    '',
    '| Code | Severity | Meaning |',
    '| --- | --- | --- |',
    ...Object.entries(CODES).map(
      ([code, spec]) =>
        `| \`${code}\` | ${spec.severity} | **${spec.title}.** ${spec.doc.replaceAll('|', '\\|')} |`,
    ),
    '',
    '## Retired codes',
    '',
    RETIRED_CODES.length === 0 ? 'None yet.' : RETIRED_CODES.map((c) => `- \`${c}\``).join('\n'),
    '',
  ];
  return lines.join('\n');
}
