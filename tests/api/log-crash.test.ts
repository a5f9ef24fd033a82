/**
 * A22-1/A22-2: the log survives a crash. A writer process (tests/support/log-writer.ts) appends access
 * events from many concurrent callers while its sequencer runs every 20 ms; it is killed with SIGKILL
 * (mid-append, and likely mid-sequencing), restarted, and killed again. Afterwards no acknowledged
 * entry is missing, the leaf numbers are contiguous and the whole tree verifies — on SQLite and
 * PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createServices } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { openDatabase } from '../../server/platform/db/index.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-log-crash-'));
const created: string[] = [];

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});

/** An empty database of the kind (the writer migrates it), and its URL. */
async function freshDatabaseUrl(kind: DatabaseKind): Promise<string> {
  const id = randomBytes(3).toString('hex');
  if (kind === 'sqlite') return `sqlite:${path.join(tmp, `crash-${id}.sqlite`)}`;
  // Named like the other test databases, so the global teardown drops it too if this file cannot.
  const name = `mamori_t_${inject('testRunId')}_crash_${process.pid}_${id}`;
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs the writer until it has acknowledged `atLeast` entries, waits a random few milliseconds more
 * (so the kill lands anywhere: in a group commit, in a sequencing batch), kills it with SIGKILL and
 * returns every marker it acknowledged.
 */
async function runAndKill(env: NodeJS.ProcessEnv, tag: string, atLeast: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/log-writer.ts'], {
    env: { ...process.env, ...env, WRITER_TAG: tag },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = Date.now();
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  // 'close' comes once stdout and stderr are drained too: the whole of what the writer said.
  const closed = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('close', (code, signal) => resolve(signal ?? code)),
  );
  const lines = readline.createInterface({ input: child.stdout });
  const drained = new Promise<void>((resolve) => lines.on('close', resolve));
  let killed = false;
  const enough = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') return;
      // Every line was printed after its entry was committed, even those still in the pipe at the kill.
      acknowledged.push(line);
      if (acknowledged.length === atLeast) resolve();
    });
    void closed.then((how) => {
      if (!killed)
        reject(
          new Error(
            `the writer ended (${String(how)}) after ${Math.round((Date.now() - started) / 1000)} s with ` +
              `${acknowledged.length} of ${atLeast} acknowledgements: ${stderr.slice(0, 2000)}`,
          ),
        );
    });
  });
  // Generous: starting the writer (tsx compiling the app) can take tens of seconds on a busy machine.
  const timeout = setTimeout(() => child.kill('SIGKILL'), 150_000);
  try {
    await enough;
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 60)));
    killed = true;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  } finally {
    clearTimeout(timeout);
    if (!killed) child.kill('SIGKILL');
  }
  await drained;
  return acknowledged;
}

/** Every acknowledged marker is in the log, leaf numbers are 0 … size-1 and the whole tree verifies. */
async function expectIntact(env: NodeJS.ProcessEnv & { DATABASE_URL: string }, acknowledged: string[]) {
  const services = createServices({ config: loadConfig(env), database: openDatabase(env.DATABASE_URL) });
  const { ledger, database } = services;
  try {
    const size = await ledger.sequence();
    const entries = await ledger.count(database.db);
    expect(size).toBe(entries);

    // No acknowledged entry is missing (each names its marker as its one record).
    const refs = await database.db.selectFrom('ledger_record_refs').select('record_id').execute();
    const present = new Set(refs.map((r) => r.record_id));
    const missing = acknowledged.filter((m) => !present.has(m));
    expect(missing).toEqual([]);
    const sample = acknowledged[Math.floor(Math.random() * acknowledged.length)]!;
    expect(await ledger.list(database.db, { recordId: sample })).toHaveLength(1);

    // Leaf numbers 0 … size-1, each once, nothing left pending.
    const leaves = await database.db
      .selectFrom('ledger_entries')
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.count<number>('leaf_index').as('placed'),
        (eb) => eb.fn.min('leaf_index').as('min'),
        (eb) => eb.fn.max('leaf_index').as('max'),
      ])
      .executeTakeFirstOrThrow();
    expect({
      n: Number(leaves.n),
      placed: Number(leaves.placed),
      min: Number(leaves.min),
      max: Number(leaves.max),
    }).toEqual({ n: size, placed: size, min: 0, max: size - 1 });

    const result = await ledger.verify(database.db);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, treeSize: size, leavesChecked: size, pending: 0 });
  } finally {
    await ledger.stop();
    await database.close();
  }
}

describe.each(databases)('the log after SIGKILL during concurrent appends (A22-1, A22-2) on %s', (kind) => {
  it(
    'loses no acknowledged entry, keeps leaf numbers contiguous and verifies',
    { timeout: 400_000 },
    async () => {
      const env = {
        DATABASE_URL: await freshDatabaseUrl(kind),
        MAMORI_SECRET_KEY: randomBytes(32).toString('base64'),
        DATA_DIR: tmp,
        MAMORI_DEMO: '0',
        LOG_LEVEL: 'silent',
      };
      const acknowledged = [
        ...(await runAndKill(env, 'first', 2500)),
        // The restarted writer recovers (sequences what the first one left) while appending more.
        ...(await runAndKill(env, 'second', 2500)),
      ];
      expect(acknowledged.length).toBeGreaterThanOrEqual(5000);

      await expectIntact(env, acknowledged);
    },
  );
});

describe('two app servers on one PostgreSQL (A22-2)', () => {
  it(
    'sequence one at a time; when one is killed the other places what it left, and the tree verifies',
    { timeout: 400_000 },
    async () => {
      const env = {
        DATABASE_URL: await freshDatabaseUrl('postgres'),
        MAMORI_SECRET_KEY: randomBytes(32).toString('base64'),
        DATA_DIR: tmp,
        MAMORI_DEMO: '0',
        LOG_LEVEL: 'silent',
      };
      // Both append and both run the sequencer every 20 ms; A is killed first, B goes on alone.
      const [a, b] = await Promise.all([runAndKill(env, 'a', 1500), runAndKill(env, 'b', 4000)]);
      expect(a.length).toBeGreaterThanOrEqual(1500);
      await expectIntact(env, [...a, ...b]);
    },
  );
});
