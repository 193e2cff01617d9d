// The domain model as an ONNX graph for onnxruntime-web: features [N, F] → MatMul → Add → Sigmoid →
// probability [N, 1]. Written with the contract model's protobuf writer (model/train/onnx-writer.ts).
import { encodeOnnx } from '../train/onnx-writer';
import type { LogisticModel } from './logistic';

export const INPUT_NAME = 'features';
export const OUTPUT_NAME = 'probability';

export function exportDomainOnnx(model: LogisticModel, version: string, metadata: Record<string, string>): Uint8Array {
  return encodeOnnx({
    producerVersion: version,
    docString: 'Scores how likely a host name is a crypto phishing site, from its spelling, words, suffix and shape. See model/domain/REPORT.md.',
    opsets: [{ domain: '', version: 17 }],
    nodes: [
      { opType: 'MatMul', name: 'linear', inputs: [INPUT_NAME, 'weights'], outputs: ['xw'] },
      { opType: 'Add', name: 'add_bias', inputs: ['xw', 'bias'], outputs: ['logit'] },
      { opType: 'Sigmoid', name: 'sigmoid', inputs: ['logit'], outputs: [OUTPUT_NAME] },
    ],
    initializers: [
      { name: 'weights', dims: [model.weights.length, 1], values: Array.from(model.weights) },
      { name: 'bias', dims: [1], values: [model.bias] },
    ],
    inputs: [{ name: INPUT_NAME, shape: ['batch', model.weights.length] }],
    outputs: [{ name: OUTPUT_NAME, shape: ['batch', 1] }],
    metadata,
  });
}
