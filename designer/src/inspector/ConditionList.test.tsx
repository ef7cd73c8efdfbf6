import { getBlock, indexActions } from '@parley/flow';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fixture } from '../system/test-flows.js';
import { ConditionList } from './ConditionList.js';
import { openResult } from './conditions.js';

const model = fixture('inbound-main-ivr.json');
const none = { addCondition() {}, updateCondition() {}, removeCondition() {} };

function render(id: string, labels?: ReadonlyMap<string, string>) {
  const action = indexActions(model).get(id);
  const result = action && openResult(getBlock(action.type), action);
  if (!action || !result) throw new Error(`${id} has no conditions`);
  return renderToStaticMarkup(<ConditionList action={action} result={result} edits={none} labels={labels} />);
}

describe('ConditionList', () => {
  it("shows a menu's keys as branches with a fixed operator, where each leads, and Add", () => {
    const menu = indexActions(model).get('c2c6c457-efa1-55e5-905c-0a29cec3d8b8');
    const first = menu?.transitions?.conditions?.[0];
    const html = render(
      'c2c6c457-efa1-55e5-905c-0a29cec3d8b8',
      new Map([[first?.target ?? '', 'Sales queue']]),
    );
    expect(html.match(/<li class="condition"/g)).toHaveLength(5);
    expect(html).toContain('data-branch="condition:0"');
    expect(html).toContain('<span class="condition-operator">equals</span>');
    expect(html).not.toContain('aria-label="Operator of condition 1"');
    expect(html).toContain(`value="${String(first?.operands?.[0])}"`);
    expect(html).toContain('→ Sales queue');
    expect(html).toContain('aria-label="Remove condition 5"');
    expect(html).toContain('Add condition');
  });

  it('offers every operator the result takes for Compare', () => {
    const html = render('2d7d26e6-32a2-5c13-95a2-ead729bf8283');
    expect(html).toContain('aria-label="Operator of condition 1"');
    expect(html).toContain('<option value="TextStartsWith">starts with</option>');
    expect(html).toContain('<option value="NumberLessOrEqualTo">≤</option>');
  });
});
