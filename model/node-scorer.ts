// Node side (scan CLI, evaluation): the contract model read from disk, loaded once on first use; in
// Node the onnxruntime wasm is handed over as bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createContractScorer, type ContractScorer } from './inference';

const require = createRequire(import.meta.url);

export function nodeContractScorer(): () => Promise<ContractScorer> {
  let scorer: Promise<ContractScorer> | undefined;
  return () =>
    (scorer ??= createContractScorer({
      modelBytes: readFileSync(join(import.meta.dirname, 'contract-model.onnx')),
      wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')),
    }));
}
