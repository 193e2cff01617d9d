// One source for the unseen drainer that the model's tests, e2e specs and benchmarks deploy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FAKE_AIRDROP_SOURCE = readFileSync(join(import.meta.dirname, 'FakeAirdrop.sol'), 'utf8');
