/**
 * `npx mamori log …` as an auditor runs it (A22-2): a real process on a SQLite folder. `log verify`
 * exits 0 when everything matches and non-zero naming the first entry or checkpoint that does not;
 * `--against` checks the log against a checkpoint kept outside the database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { migrate, openDatabase } from '../../server/platform/db/index.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { openNote, parseCheckpointText, parseVerifierKey } from '../../server/platform/ledger/note.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-logcli-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAMORI_DEMO: '0' };
delete env.DATABASE_URL;
delete env.LOG_WITNESS_DIR;

async function mamori(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mamori.mjs', ...args], {
      env,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Appends entries through the services (as the server would), then sequences them. */
async function write(n: number, offset = 0): Promise<void> {
  const s = createServices({ config: loadConfig(env) });
  try {
    await migrate(s.database);
    const ctx = systemCtx('test');
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        s.ledger.access(ctx, {
          type: 'test.read',
          unitId: null,
          sectionId: null,
          purpose: 'audit',
          subjectType: 'file',
          subjectId: null,
          records: [`r${offset + i}`],
          outcome: 'ok',
        }),
      ),
    );
    await s.ledger.sequence();
  } finally {
    await s.database.close();
  }
}

const sqlite = () => openDatabase(`sqlite:${path.join(dataDir, 'mamori.sqlite')}`);

describe('npx mamori log (A22-2)', { timeout: 120_000 }, () => {
  beforeAll(() => write(40));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the latest signed checkpoint, which opens with the printed verifier key', async () => {
    const cp = await mamori(['log', 'checkpoint']);
    const key = await mamori(['log', 'checkpoint', '--key']);
    expect(cp.code).toBe(0);
    const body = parseCheckpointText(openNote(cp.stdout, parseVerifierKey(key.stdout.trim())));
    expect(body.treeSize).toBe(40);
  });

  it('verify exits 0 on an intact log and checks a witnessed checkpoint given with --against', async () => {
    const witnessed = path.join(dataDir, 'witnessed-40.txt');
    fs.writeFileSync(witnessed, (await mamori(['log', 'checkpoint'])).stdout);
    await write(10, 100);
    const r = await mamori(['log', 'verify', '--against', witnessed]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('intact: tree size 50, 50 leaves');
    expect(r.stdout).toContain('1 witnessed');
  });

  it('verify exits non-zero naming the first altered entry', async () => {
    const db = sqlite();
    const victim = await db.db
      .selectFrom('ledger_entries')
      .select(['id', 'purpose'])
      .where('leaf_index', '=', 7)
      .executeTakeFirstOrThrow();
    await db.db
      .updateTable('ledger_entries')
      .set({ purpose: 'curiosity' })
      .where('id', '=', victim.id)
      .execute();
    await db.close();
    const r = await mamori(['log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NOT intact');
    expect(r.stderr).toMatch(new RegExp(`first mismatch: entry ${victim.id} at leaf 7`));
    const fix = sqlite();
    await fix.db
      .updateTable('ledger_entries')
      .set({ purpose: victim.purpose })
      .where('id', '=', victim.id)
      .execute();
    await fix.close();
    expect((await mamori(['log', 'verify'])).code).toBe(0);
  });

  it('a log cut back behind a witnessed checkpoint fails --against', async () => {
    const witnessed = path.join(dataDir, 'witnessed-50.txt');
    fs.writeFileSync(witnessed, (await mamori(['log', 'checkpoint'])).stdout);
    // Someone with database access cuts the log back to 40 entries, cleanly: entries, nodes, checkpoints.
    const db = sqlite();
    await db.db.deleteFrom('ledger_entries').where('leaf_index', '>=', 40).execute();
    for (let level = 1; level < 7; level++)
      await db.db
        .deleteFrom('ledger_nodes')
        .where('level', '=', level)
        .where('idx', '>=', Math.floor(40 / 2 ** level))
        .execute();
    await db.db.deleteFrom('ledger_checkpoints').where('tree_size', '>', 40).execute();
    await db.db
      .deleteFrom('ledger_record_refs')
      .where('entry_seq', 'not in', db.db.selectFrom('ledger_entries').select('seq'))
      .execute();
    await db.close();
    // Alone, the shortened log is consistent with itself: that is why checkpoints are witnessed.
    expect((await mamori(['log', 'verify'])).code).toBe(0);
    const against = await mamori(['log', 'verify', '--against', witnessed]);
    expect(against.code).toBe(1);
    expect(against.stderr).toMatch(
      /first mismatch: the log has 40 leaves but \S*witnessed-50.txt#1 covers 50/,
    );
  });

  it('proves the inclusion of an entry and the consistency of two checkpoints as JSON', async () => {
    const inc = await mamori(['log', 'prove', '3']);
    expect(inc.code).toBe(0);
    const proof = JSON.parse(inc.stdout) as { leafIndex: number; proof: string[] };
    expect(proof.leafIndex).toBe(3);
    expect(proof.proof.length).toBeGreaterThan(0);
    await write(3, 200);
    const con = await mamori(['log', 'consistency', '40']);
    expect(con.code).toBe(0);
    expect(JSON.parse(con.stdout)).toMatchObject({ from: 40, to: 43 });
  });
});
