import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DynamicToggle } from './DynamicToggle.js';

const render = (dynamic: boolean) =>
  renderToStaticMarkup(<DynamicToggle dynamic={dynamic} label="Loop count" onChange={() => {}} />);

describe('DynamicToggle', () => {
  it('is a group named after its field, of a Static and a JSONPath button', () => {
    const html = render(false);
    expect(html).toContain('role="group" aria-label="How Loop count is set"');
    expect(html).toMatch(/<button type="button"[^>]*>Static<\/button>/);
    expect(html).toMatch(
      /<button type="button"[^>]*title="Set dynamically: a JSONPath such as \$\.Attributes\.x"[^>]*>\$\.<\/button>/,
    );
  });

  it('presses Static for a static value and only the JSONPath button for a dynamic one', () => {
    expect(render(false)).toMatch(/aria-pressed="true">Static.*aria-pressed="false"[^>]*>\$\./);
    expect(render(true)).toMatch(/aria-pressed="false">Static.*aria-pressed="true"[^>]*>\$\./);
  });

  it('tells which mode was picked', () => {
    const picked: boolean[] = [];
    const group = DynamicToggle({ dynamic: false, label: 'Loop count', onChange: (d) => picked.push(d) });
    const [staticButton, pathButton] = group.props.children;
    pathButton.props.onClick();
    staticButton.props.onClick();
    expect(picked).toEqual([true, false]);
  });
});
