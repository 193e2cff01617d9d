// Where the build puts the model's files inside the extension package (wxt.config.ts copies them).
export const MODEL_FILES = {
  model: 'model/contract-model.onnx',
  wasm: 'model/ort-wasm-simd-threaded.wasm',
} as const;
