/**
 * Benchmarks of the verifiable log (issue 4, "measured, not assumed"); figures go to
 * docs/benchmarks.md as ratios against a baseline measured in the same run.
 *
 *   npm run bench                              # all three on SQLite, full sizes
 *   npm run bench -- append                    # one benchmark
 *   npm run bench -- proof --entries 1000000   # scaled down
 *   npm run bench -- verify --db postgres      # on a throw-away embedded PostgreSQL (durable settings)
 *   npm run bench -- vault-read --db both      # the vault's audited read over HTTP (issue 6)
 *   npm run bench -- vault-import --db both    # the vault's bulk import of 100,000 records (issue 6)
 *   npm run bench -- backup --entries 20000    # backup and restore of an installation (issue 11, A27)
 *   npm run bench -- requests-search           # finding a requester across 3 files of 100,000 records (issue 12)
 *   npm run bench -- requests-history          # a record's access history with proofs, log of 100,000 (issue 12)
 *
 * Options: --entries N (append/verify entries, proof tree size), --concurrency N (append callers),
 * --samples N (proofs timed), --rounds N (repetitions), --db sqlite|postgres|both, --dir PATH (where databases go).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appendBench } from './append.ts';
import { proofBench } from './proof.ts';
import { verifyBench } from './verify.ts';
import { registerBench } from './register.ts';
import { vaultReadBench } from './vault-read.ts';
import { vaultImportBench } from './vault-import.ts';
import { backupBench } from './backup.ts';
import { requestsSearchBench } from './requests-search.ts';
import { requestsHistoryBench } from './requests-history.ts';
import { log, machine, stopPostgres, type BenchOptions, type DbKind } from './support.ts';

const BENCHES = {
  append: appendBench,
  verify: verifyBench,
  proof: proofBench,
  register: registerBench,
  'vault-read': vaultReadBench,
  'vault-import': vaultImportBench,
  backup: backupBench,
  'requests-search': requestsSearchBench,
  'requests-history': requestsHistoryBench,
} as const;
type BenchName = keyof typeof BENCHES;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    entries: { type: 'string' },
    concurrency: { type: 'string' },
    samples: { type: 'string' },
    rounds: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const usage = `usage: npm run bench -- [append|verify|proof|register|vault-read|vault-import|backup|requests-search|requests-history …] [--entries N] [--concurrency N] [--samples N] [--rounds N] [--db sqlite|postgres|both] [--dir PATH]`;
if (values.help) {
  log(usage);
  process.exit(0);
}

const count = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};

const names = (positionals.length ? positionals : Object.keys(BENCHES)) as BenchName[];
for (const n of names)
  if (!(n in BENCHES)) {
    console.error(`unknown benchmark "${n}"\n${usage}`);
    process.exit(2);
  }
const kinds: DbKind[] =
  values.db === 'both' ? ['sqlite', 'postgres'] : values.db === 'postgres' ? ['postgres'] : ['sqlite'];

const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-'));
fs.mkdirSync(dir, { recursive: true });
fs.chmodSync(dir, 0o755);

log(`# mamori log benchmarks, ${new Date().toISOString()}`);
log(`machine: ${machine()}`);
try {
  for (const db of kinds)
    for (const name of names) {
      const opts: BenchOptions = {
        db,
        dir,
        entries: count('entries', values.entries),
        concurrency: count('concurrency', values.concurrency),
        samples: count('samples', values.samples),
        rounds: count('rounds', values.rounds),
      };
      await BENCHES[name](opts);
    }
} finally {
  await stopPostgres();
  if (!values.dir) fs.rmSync(dir, { recursive: true, force: true });
}
