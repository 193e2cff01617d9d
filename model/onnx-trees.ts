// The trees inside the shipped ONNX file, read with a few lines of protobuf rather than onnxruntime:
// a cold service worker scores with the TypeScript predictor (model/predictor.ts) from these while
// onnxruntime's 14 MB wasm compiles, so a request never waits for it. Reads only what
// model/train/export-onnx.ts writes (a TreeEnsembleRegressor, or MatMul + Add, then Platt scaling);
// anything else is refused. Field numbers from onnx.proto (github.com/onnx/onnx, onnx/onnx.proto).
import type { Platt, TrainedModel, Tree } from './predictor';

type Field = { no: number; wire: number; value: number | Uint8Array };

/** One level of a protobuf message: its fields in order (varints as numbers, length-delimited as bytes). */
function fields(bytes: Uint8Array): Field[] {
  const out: Field[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('the model file is cut short');
      const b = bytes[at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const no = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) out.push({ no, wire, value: varint() });
    else if (wire === 2) {
      const length = varint();
      if (at + length > bytes.length) throw new Error('the model file is cut short');
      out.push({ no, wire, value: bytes.subarray(at, at + length) });
      at += length;
    } else if (wire === 5) {
      out.push({ no, wire, value: view.getFloat32(at, true) });
      at += 4;
    } else if (wire === 1) at += 8;
    else throw new Error(`the model file has a field of unknown wire type ${wire}`);
  }
  return out;
}

const bytesOf = (f: Field[], no: number) => f.filter((x) => x.no === no && x.value instanceof Uint8Array).map((x) => x.value as Uint8Array);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');

/** A repeated float field, packed or not. */
function floatsOf(f: Field[], no: number): number[] {
  const out: number[] = [];
  for (const x of f.filter((y) => y.no === no)) {
    if (typeof x.value === 'number') out.push(x.value);
    else {
      const view = new DataView(x.value.buffer, x.value.byteOffset, x.value.byteLength);
      for (let i = 0; i + 4 <= x.value.byteLength; i += 4) out.push(view.getFloat32(i, true));
    }
  }
  return out;
}

/** A repeated int64 field (values that fit a double), packed or not. */
function intsOf(f: Field[], no: number): number[] {
  const out: number[] = [];
  for (const x of f.filter((y) => y.no === no)) {
    if (typeof x.value === 'number') out.push(x.value);
    else for (const v of fields(prefixPacked(x.value))) out.push(v.value as number);
  }
  return out;
}

/** Packed varints re-keyed as field 1, so the one varint reader reads them. */
function prefixPacked(packed: Uint8Array): Uint8Array {
  const out: number[] = [];
  let start = true;
  for (const b of packed) {
    if (start) out.push(0x08);
    out.push(b);
    start = b < 0x80;
  }
  return Uint8Array.from(out);
}

// ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto.op_type = 4, attribute = 5;
// AttributeProto.name = 1, floats = 7, ints = 8, strings = 9; TensorProto.float_data = 4, name = 8.
export function treesFromOnnx(model: Uint8Array, featureCount: number): TrainedModel {
  const graph = fields(bytesOf(fields(model), 7)[0] ?? new Uint8Array());
  const nodes = bytesOf(graph, 1).map(fields);
  const initializers = new Map(bytesOf(graph, 5).map((t) => fields(t)).map((t) => [text(bytesOf(t, 8)[0]), floatsOf(t, 4)]));
  const init = (name: string) => initializers.get(name) ?? [];
  const platt: Platt = { a: init('platt_a')[0]!, b: init('platt_b')[0]! };
  if (platt.a === undefined || platt.b === undefined) throw new Error('the model file has no Platt scaling');
  const ensemble = nodes.find((n) => text(bytesOf(n, 4)[0]) === 'TreeEnsembleRegressor');
  if (!ensemble) {
    const weights = init('weights');
    if (weights.length !== featureCount) throw new Error('the model file is neither a tree ensemble nor a linear model of this build');
    return { kind: 'linear', featureCount, weights, bias: init('bias')[0] ?? 0, platt };
  }
  const attributes = new Map(bytesOf(ensemble, 5).map((a) => fields(a)).map((a) => [text(bytesOf(a, 1)[0]), a]));
  const attr = (name: string) => attributes.get(name) ?? [];
  const ints = (name: string) => intsOf(attr(name), 8);
  const floats = (name: string) => floatsOf(attr(name), 7);
  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const features = ints('nodes_featureids');
  const values = floats('nodes_values');
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const modes = bytesOf(attr('nodes_modes'), 9).map(text);
  if (![nodeIds, features, values, trueIds, falseIds, modes].every((a) => a.length === treeIds.length)) throw new Error('the model file\'s trees are not whole');
  const trees: Tree[] = [];
  treeIds.forEach((t, k) => {
    const tree = (trees[t] ??= { feature: [], threshold: [], left: [], right: [], value: [] });
    const n = nodeIds[k]!;
    const leaf = modes[k] === 'LEAF';
    tree.feature[n] = leaf ? -1 : features[k]!;
    tree.threshold[n] = values[k]!;
    tree.left[n] = trueIds[k]!;
    tree.right[n] = falseIds[k]!;
    tree.value[n] = 0;
  });
  const tTree = ints('target_treeids');
  const tNode = ints('target_nodeids');
  const tWeight = floats('target_weights');
  tTree.forEach((t, k) => {
    const tree = trees[t];
    if (!tree) throw new Error('the model file names a leaf of a tree it does not have');
    tree.value[tNode[k]!] = tWeight[k]!;
  });
  return { kind: 'gbdt', featureCount, base: floats('base_values')[0] ?? 0, trees, platt };
}
