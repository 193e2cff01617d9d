import type { DataRow } from './dataset.ts';
export function compiledPublicRows(): DataRow[] { return []; }
export function moreNpmArtifactRows(): DataRow[] { return []; }
