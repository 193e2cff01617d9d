// Node side (scan CLI, benchmarks): the domain model read from disk, as the `scoreDomain` of a SiteRisk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SiteRisk } from '../../analysis/site/site-risk';
import { createDomainScorer, type DomainScorer } from './inference';

const require = createRequire(import.meta.url);

export function nodeScoreDomain(): NonNullable<SiteRisk['scoreDomain']> {
  let scorer: Promise<DomainScorer> | undefined;
  return async (host) => {
    scorer ??= createDomainScorer({
      modelBytes: readFileSync(join(import.meta.dirname, 'domain-model.onnx')),
      wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')),
    });
    const { score, threshold, reasons } = await (await scorer).score(host);
    return { score, threshold, reasons: reasons.map((r) => r.words) };
  };
}
