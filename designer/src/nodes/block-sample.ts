import { type FlowModel, indexActions, loadFlow, toDocument, validateDocument } from '@parley/flow';
import { addBlock, emptyFlowDocument, type GraphNode, toGraph } from '../system/index.js';

/** A flow of the shared fixtures (fixtures/flows), read in the browser or in Node. */
export interface SampleFlow {
  name: string;
  model: FlowModel;
  flowType: string | undefined;
}

export interface BlockSample {
  /** The fixture the block comes from; undefined for a new block in an empty flow. */
  flow: string | undefined;
  actionId: string;
  /** The node as the canvas gets it from toGraph: label, branches and the validator's diagnostics. */
  node: GraphNode;
}

const validated = new WeakMap<FlowModel, GraphNode[]>();

function nodesOf(model: FlowModel, flowType: string | undefined): GraphNode[] {
  let nodes = validated.get(model);
  if (!nodes) {
    const { diagnostics } = validateDocument(toDocument(model), flowType ? { flowType } : {});
    nodes = toGraph(model, { diagnostics }).nodes;
    validated.set(model, nodes);
  }
  return nodes;
}

/**
 * A block of `type` as the canvas shows it: the first action of the type in the fixtures (their
 * branches, labels and problems are real); a type no fixture uses is a new block in an empty flow.
 */
export function blockSample(type: string, flows: readonly SampleFlow[]): BlockSample {
  for (const flow of flows)
    for (const [id, action] of indexActions(flow.model))
      if (action.type === type) {
        const node = nodesOf(flow.model, flow.flowType).find((n) => n.id === id);
        if (node) return { flow: flow.name, actionId: id, node };
      }
  const actionId = `new-${type}`;
  const empty = loadFlow({ json: emptyFlowDocument('CONTACT_FLOW') }).model;
  if (!empty) throw new Error('an empty flow document should load');
  const model = addBlock(empty, type, { x: 0, y: 0 }, actionId);
  const node = nodesOf(model, 'CONTACT_FLOW').find((n) => n.id === actionId);
  if (!node) throw new Error(`a new ${type} block should be on the canvas`);
  return { flow: undefined, actionId, node };
}
