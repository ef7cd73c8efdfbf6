import type { Diagnostic } from '@parley/flow';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bySeverity, ProblemsPanel } from './Problems.js';

const d = (code: Diagnostic['code'], severity: Diagnostic['severity'], actionId?: string): Diagnostic => ({
  code,
  severity,
  message: `${code} message`,
  ...(actionId ? { actionId } : {}),
});

const select = () => undefined;

describe('ProblemsPanel', () => {
  it('counts errors and warnings, lists errors first, with code and message', () => {
    const list = [d('METADATA_ORPHAN', 'warning'), d('START_ACTION_UNCONNECTED', 'error')];
    expect(bySeverity(list).map((x) => x.severity)).toEqual(['error', 'warning']);
    const html = renderToStaticMarkup(<ProblemsPanel diagnostics={list} onSelect={select} />);
    expect(html).toContain('Problems · 1 error · 1 warning');
    expect(html.indexOf('START_ACTION_UNCONNECTED')).toBeLessThan(html.indexOf('METADATA_ORPHAN'));
    expect(html).toContain(
      '<span class="diagnostic-code">START_ACTION_UNCONNECTED</span> START_ACTION_UNCONNECTED message',
    );
  });

  it('makes a block’s diagnostic a button naming the block; a document’s is plain text', () => {
    const list = [d('TRANSITION_TARGET_DANGLING', 'error', 'a1'), d('START_ACTION_UNCONNECTED', 'error')];
    const html = renderToStaticMarkup(
      <ProblemsPanel diagnostics={list} labels={new Map([['a1', 'Main menu']])} onSelect={select} />,
    );
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toMatch(
      /<button type="button">.*TRANSITION_TARGET_DANGLING.* · Main menu<\/span><\/button>/,
    );
  });

  it('says so when there is no problem', () => {
    expect(renderToStaticMarkup(<ProblemsPanel diagnostics={[]} onSelect={select} />)).toContain(
      'No problems.',
    );
  });
});
