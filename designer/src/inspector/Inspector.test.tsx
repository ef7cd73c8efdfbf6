import { CATALOG, type Diagnostic, type FlowModel, indexActions } from '@parley/flow';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { addBlock, renameBlock } from '../system/index.js';
import { allFlows, fixture, hasCorpus } from '../system/test-flows.js';
import { Inspector, type InspectorEdits } from './Inspector.js';

const none: InspectorEdits = {
  editParameters() {},
  rename: () => undefined,
  addCondition() {},
  updateCondition() {},
  removeCondition() {},
};
const render = (model: FlowModel, actionId: string, diagnostics: Diagnostic[] = []) =>
  renderToStaticMarkup(
    <Inspector model={model} actionId={actionId} diagnostics={diagnostics} edits={none} />,
  );

const IVR = fixture('inbound-main-ivr.json');
const GOODBYE = '486338f6-9caa-5f3c-93f9-ce9b2c50834e';

describe('Inspector', () => {
  it("shows the block's name, type, help and a field per parameter", () => {
    const named = renameBlock(IVR, GOODBYE, 'Goodbye');
    const html = render(named, 'Goodbye');
    expect(html).toContain('aria-label="Inspector"');
    expect(html).toMatch(/<label for="[^"]+">Block name<\/label><input[^>]*value="Goodbye"/);
    expect(html).toContain('Play prompt <code>MessageParticipant</code>');
    expect(html).toContain('Plays a prompt, text-to-speech or SSML');
    expect(html).toContain('>Thank you for calling Acme. Goodbye.</textarea>');
    for (const key of ['Text', 'SSML', 'PromptId', 'Media']) expect(html).toContain(`data-field="${key}"`);
    // Text is set: the other prompt sources say setting them clears it.
    expect(html).toContain('Setting it clears Text: the block takes only one.');
    // The flow's attributes are suggested.
    expect(html).toContain('<option value="$.Attributes.accountTier">');
  });

  it('leaves the name empty for an unnamed block, its catalog label as placeholder', () => {
    expect(render(IVR, GOODBYE)).toMatch(
      /<input[^>]*value=""[^>]*placeholder="Play prompt"|placeholder="Play prompt"[^>]*value=""/,
    );
  });

  it("shows the block's diagnostics: about a parameter with its field, the others on top", () => {
    const diagnostics: Diagnostic[] = [
      {
        code: 'PARAM_OUT_OF_RANGE',
        severity: 'error',
        message: 'too long',
        actionId: GOODBYE,
        path: '/Actions/38/Parameters/Text',
      },
      { code: 'ACTION_UNREACHABLE', severity: 'warning', message: 'nobody comes here', actionId: GOODBYE },
      { code: 'PARAM_MISSING', severity: 'error', message: 'not mine', actionId: 'someone else' },
    ];
    const html = render(IVR, GOODBYE, diagnostics);
    expect(html).toMatch(/data-field="Text"[\s\S]*PARAM_OUT_OF_RANGE: too long/);
    expect(html).toContain('<span class="diagnostic-code">ACTION_UNREACHABLE</span> nobody comes here');
    expect(html).not.toContain('not mine');
  });

  it('lists the conditions of a Compare block', () => {
    const html = render(IVR, '2d7d26e6-32a2-5c13-95a2-ead729bf8283');
    expect(html).toContain('aria-label="Conditions"');
    expect(html).toContain('data-field="ComparisonValue"');
  });

  it('renders a new block of every catalog type', () => {
    let model = IVR;
    for (const type of CATALOG.keys()) model = addBlock(model, type, { x: 0, y: 0 }, `new-${type}`);
    for (const type of CATALOG.keys()) expect(render(model, `new-${type}`)).toContain(`<code>${type}</code>`);
  });

  it('renders an action of every type and set of parameters in the fixtures and real exports', () => {
    const seen = new Set<string>();
    for (const flow of allFlows())
      for (const [id, a] of indexActions(flow.model)) {
        const shape = `${a.type} ${Object.keys(a.parameters ?? {})
          .sort()
          .join(',')}`;
        if (seen.has(shape)) continue;
        seen.add(shape);
        expect(render(flow.model, id)).toContain('aria-label="Inspector"');
      }
    expect(seen.size).toBeGreaterThan(hasCorpus ? 100 : 50);
  });

  it('says so when the block is gone', () => {
    expect(render(IVR, 'gone')).toContain('This block is no longer in the flow.');
  });
});
