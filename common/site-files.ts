// Where the build puts the site lists and the domain model inside the extension package. wxt.config.ts
// copies them from analysis/site/data and model/domain; the background fetches them from these paths.
import manifest from '../analysis/site/data/manifest.json';

export const SITE_FILES = {
  lists: manifest.lists.map((l) => ({ file: l.file, src: `analysis/site/data/${l.file}`, dest: `site/${l.file}` })),
  model: { src: 'model/domain/domain-model.onnx', dest: 'site/domain-model.onnx' },
  /** Shipped beside the GPL-3.0 ScamSniffer files, as that licence asks (THIRD-PARTY-NOTICES.md). */
  gplText: { src: 'analysis/site/data/GPL-3.0.txt', dest: 'site/GPL-3.0.txt' },
} as const;

/** Every file to copy, as [source relative to the project, destination in the package]. */
export const SITE_ASSETS: readonly (readonly [string, string])[] = [...SITE_FILES.lists.map((l) => [l.src, l.dest] as const), [SITE_FILES.model.src, SITE_FILES.model.dest], [SITE_FILES.gplText.src, SITE_FILES.gplText.dest]];
