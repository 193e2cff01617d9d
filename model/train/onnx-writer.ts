// Writes ONNX files with protobufjs. The message definitions below are the subset of onnx.proto
// (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto, field numbers from the public spec) that a
// tree ensemble or a linear model needs; nothing else of ONNX is pulled in.
import protobuf from 'protobufjs';

const SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
            producerName: { type: 'string', id: 2 },
            producerVersion: { type: 'string', id: 3 },
            domain: { type: 'string', id: 4 },
            modelVersion: { type: 'int64', id: 5 },
            docString: { type: 'string', id: 6 },
            graph: { type: 'GraphProto', id: 7 },
            metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        StringStringEntryProto: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            docString: { type: 'string', id: 10 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            floats: { rule: 'repeated', type: 'float', id: 7, options: { packed: true } },
            ints: { rule: 'repeated', type: 'int64', id: 8, options: { packed: true } },
            strings: { rule: 'repeated', type: 'bytes', id: 9 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1, options: { packed: true } },
            dataType: { type: 'int32', id: 2 },
            floatData: { rule: 'repeated', type: 'float', id: 4, options: { packed: true } },
            name: { type: 'string', id: 8 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensorType: { type: 'TypeProtoTensor', id: 1 } } },
        TypeProtoTensor: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(SCHEMA);
const ModelProto = root.lookupType('onnx.ModelProto');

// AttributeProto.AttributeType and TensorProto.DataType values from onnx.proto.
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;
export const FLOAT = 1;

export type AttributeValue = number | string | number[] | string[] | { floats: number[] } | { ints: number[] };

export interface OnnxNode {
  opType: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes?: Record<string, AttributeValue>;
}

export interface OnnxTensor {
  name: string;
  dims: number[];
  values: number[];
}

export interface OnnxValueInfo {
  name: string;
  /** Dimension sizes; a string is a symbolic dimension (e.g. the batch). */
  shape: (number | string)[];
}

export interface OnnxModel {
  producerVersion: string;
  docString: string;
  opsets: { domain: string; version: number }[];
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  metadata: Record<string, string>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function attribute(name: string, v: AttributeValue): Record<string, unknown> {
  if (typeof v === 'string') return { name, type: ATTR.STRING, s: utf8(v) };
  if (typeof v === 'number') return Number.isInteger(v) ? { name, type: ATTR.INT, i: v } : { name, type: ATTR.FLOAT, f: v };
  if (Array.isArray(v)) {
    if (v.length > 0 && typeof v[0] === 'string') return { name, type: ATTR.STRINGS, strings: (v as string[]).map(utf8) };
    throw new Error(`attribute ${name}: say { floats } or { ints } for numeric lists`);
  }
  if ('floats' in v) return { name, type: ATTR.FLOATS, floats: v.floats };
  return { name, type: ATTR.INTS, ints: v.ints };
}

function valueInfo(v: OnnxValueInfo): Record<string, unknown> {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: v.shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

export function encodeOnnx(model: OnnxModel): Uint8Array {
  const message = ModelProto.fromObject({
    irVersion: 8,
    producerName: 'tx-firewall-trainer',
    producerVersion: model.producerVersion,
    docString: model.docString,
    opsetImport: model.opsets,
    metadataProps: Object.entries(model.metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: 'contract_model',
      node: model.nodes.map((n) => ({
        name: n.name,
        opType: n.opType,
        domain: n.domain ?? '',
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
      })),
      initializer: model.initializers.map((t) => ({ name: t.name, dims: t.dims, dataType: FLOAT, floatData: t.values })),
      input: model.inputs.map(valueInfo),
      output: model.outputs.map(valueInfo),
    },
  });
  return ModelProto.encode(message).finish();
}

