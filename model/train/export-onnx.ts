// Turns a trained model into an ONNX graph that onnxruntime-web runs: ai.onnx.ml TreeEnsembleRegressor
// (or MatMul + Add for the linear model) giving the margin, then Platt scaling and a Sigmoid. One output,
// `probability` [N, 1]; no ZipMap, no label output.
import type { TrainedModel, Tree } from '../predictor.ts';
import { decodeOnnx, encodeOnnx, type OnnxNode, type OnnxTensor } from './onnx-writer.ts';

export const INPUT_NAME = 'features';
export const OUTPUT_NAME = 'probability';

export function exportOnnx(model: TrainedModel, metadata: Record<string, string>, version: string): Uint8Array {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [
    { name: 'platt_a', dims: [1], values: [model.platt.a] },
    { name: 'platt_b', dims: [1], values: [model.platt.b] },
  ];
  if (model.kind === 'gbdt') {
    const a = {
      treeids: [] as number[], nodeids: [] as number[], featureids: [] as number[], values: [] as number[], modes: [] as string[],
      trueids: [] as number[], falseids: [] as number[], missingTrue: [] as number[],
      tTree: [] as number[], tNode: [] as number[], tIds: [] as number[], tWeights: [] as number[],
    };
    model.trees.forEach((t, ti) => {
      for (let n = 0; n < t.feature.length; n++) {
        const leaf = t.feature[n]! < 0;
        a.treeids.push(ti);
        a.nodeids.push(n);
        a.featureids.push(leaf ? 0 : t.feature[n]!);
        a.values.push(leaf ? 0 : t.threshold[n]!);
        a.modes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
        a.trueids.push(leaf ? 0 : t.left[n]!);
        a.falseids.push(leaf ? 0 : t.right[n]!);
        a.missingTrue.push(0);
        if (leaf) {
          a.tTree.push(ti);
          a.tNode.push(n);
          a.tIds.push(0);
          a.tWeights.push(t.value[n]!);
        }
      }
    });
    nodes.push({
      opType: 'TreeEnsembleRegressor',
      domain: 'ai.onnx.ml',
      name: 'trees',
      inputs: [INPUT_NAME],
      outputs: ['margin'],
      attributes: {
        n_targets: 1,
        aggregate_function: 'SUM',
        post_transform: 'NONE',
        base_values: { floats: [model.base] },
        nodes_treeids: { ints: a.treeids },
        nodes_nodeids: { ints: a.nodeids },
        nodes_featureids: { ints: a.featureids },
        nodes_values: { floats: a.values },
        nodes_modes: a.modes,
        nodes_truenodeids: { ints: a.trueids },
        nodes_falsenodeids: { ints: a.falseids },
        nodes_missing_value_tracks_true: { ints: a.missingTrue },
        target_treeids: { ints: a.tTree },
        target_nodeids: { ints: a.tNode },
        target_ids: { ints: a.tIds },
        target_weights: { floats: a.tWeights },
      },
    });
  } else {
    initializers.push(
      { name: 'weights', dims: [model.weights.length, 1], values: model.weights },
      { name: 'bias', dims: [1], values: [model.bias] },
    );
    nodes.push(
      { opType: 'MatMul', name: 'linear', inputs: [INPUT_NAME, 'weights'], outputs: ['xw'] },
      { opType: 'Add', name: 'add_bias', inputs: ['xw', 'bias'], outputs: ['margin'] },
    );
  }
  nodes.push(
    { opType: 'Mul', name: 'platt_scale', inputs: ['margin', 'platt_a'], outputs: ['scaled'] },
    { opType: 'Add', name: 'platt_shift', inputs: ['scaled', 'platt_b'], outputs: ['logit'] },
    { opType: 'Sigmoid', name: 'sigmoid', inputs: ['logit'], outputs: [OUTPUT_NAME] },
  );
  return encodeOnnx({
    producerVersion: version,
    docString: 'Scores how likely a wallet request is malicious from the target bytecode and the call data. See model/REPORT.md.',
    opsets: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    nodes,
    initializers,
    inputs: [{ name: INPUT_NAME, shape: ['batch', model.featureCount] }],
    outputs: [{ name: OUTPUT_NAME, shape: ['batch', 1] }],
    metadata,
  });
}

interface DecodedAttribute {
  name: string;
  f?: number;
  i?: number;
  floats?: number[];
  ints?: number[];
}

/**
 * Reads a model written by exportOnnx back into the predictor's form, so tests can check that the file
 * carries the trained model and that onnxruntime evaluates it the way model/predictor.ts does.
 */
export function modelFromOnnx(bytes: Uint8Array, featureCount: number): TrainedModel {
  const decoded = decodeOnnx(bytes) as {
    graph: { node: { opType: string; attribute?: DecodedAttribute[] }[]; initializer: { name: string; floatData: number[] }[] };
  };
  const init = (name: string) => decoded.graph.initializer.find((t) => t.name === name)?.floatData ?? [];
  const platt = { a: init('platt_a')[0]!, b: init('platt_b')[0]! };
  const treeNode = decoded.graph.node.find((n) => n.opType === 'TreeEnsembleRegressor');
  if (!treeNode) return { kind: 'linear', featureCount, weights: init('weights'), bias: init('bias')[0]!, platt };
  const attr = (name: string) => treeNode.attribute?.find((a) => a.name === name);
  const ints = (name: string) => attr(name)?.ints ?? [];
  const floats = (name: string) => attr(name)?.floats ?? [];
  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const features = ints('nodes_featureids');
  const values = floats('nodes_values');
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const modes = (treeNode.attribute?.find((a) => a.name === 'nodes_modes') as { strings?: string[] } | undefined)?.strings ?? [];
  const trees: Tree[] = [];
  treeIds.forEach((t, k) => {
    const tree = (trees[t] ??= { feature: [], threshold: [], left: [], right: [], value: [] });
    const n = nodeIds[k]!;
    const leaf = Buffer.from(modes[k]!, 'base64').toString() === 'LEAF';
    tree.feature[n] = leaf ? -1 : features[k]!;
    tree.threshold[n] = values[k]!;
    tree.left[n] = trueIds[k]!;
    tree.right[n] = falseIds[k]!;
    tree.value[n] = 0;
  });
  const tTree = ints('target_treeids');
  const tNode = ints('target_nodeids');
  const tWeight = floats('target_weights');
  tTree.forEach((t, k) => (trees[t]!.value[tNode[k]!] = tWeight[k]!));
  return { kind: 'gbdt', featureCount, base: floats('base_values')[0] ?? 0, trees, platt };
}
