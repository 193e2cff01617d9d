// Turns a trained model into an ONNX graph that onnxruntime-web runs: ai.onnx.ml TreeEnsembleRegressor
// (or MatMul + Add for the linear model) giving the margin, then Platt scaling and a Sigmoid. One output,
// `probability` [N, 1]; no ZipMap, no label output.
import type { TrainedModel } from '../predictor.ts';
import { encodeOnnx, type OnnxNode, type OnnxTensor } from './onnx-writer.ts';
import { treesFromOnnx } from '../onnx-trees.ts';

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

/**
 * Reads a model written by exportOnnx back into the predictor's form, so tests can check that the file
 * carries the trained model and that onnxruntime evaluates it the way model/predictor.ts does. The
 * reader is the worker's own (model/onnx-trees.ts): what the tests check is what a cold worker runs.
 */
export function modelFromOnnx(bytes: Uint8Array, featureCount: number): TrainedModel {
  return treesFromOnnx(new Uint8Array(bytes), featureCount);
}
