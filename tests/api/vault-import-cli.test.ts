/**
 * `mamori vault import` as an operator runs it (issue 6): a real process on a SQLite folder holding
 * the tests' vault files. A file with a bad row imports nothing and says where (line, field, code,
 * in Japanese and English) without repeating the value; a dry run writes nothing; a good file is
 * imported with its progress and a summary, as the identified CLI actor.
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
import { csvText } from '../../server/platform/tabular/index.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-vault-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAMORI_DEMO: '0' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
delete (env as Record<string, string | undefined>).MAMORI_SECRET_KEY;
delete (env as Record<string, string | undefined>).VAULT_KEY_FILE;

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

// Every student here is fictional.
const HEADER = ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号', '健康上の配慮'];
function writeCsv(name: string, list: ReturnType<typeof students>) {
  const file = path.join(dataDir, name);
  const rows = list.map((s) => [s.student_number, s.name, s.kana, s.birth_date, s.class, s.phone, s.health]);
  fs.writeFileSync(file, csvText({ header: HEADER, rows }));
  return file;
}

const records = async () => {
  const database = openDatabase(`sqlite:${path.join(dataDir, 'mamori.sqlite')}`);
  try {
    const rows = await database.db.selectFrom('vault_records').select('id').execute();
    const audit = await database.db
      .selectFrom('ledger_entries')
      .select(['type', 'actor_label'])
      .where('type', 'in', ['vault.records_imported', 'vault.import_refused'])
      .execute();
    return { count: rows.length, audit };
  } finally {
    await database.close();
  }
};

let fileId = '';

describe('mamori vault import', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    // The organisation and its vault files, made in this folder as the server would make them.
    const services = createServices({ config: loadConfig(env) });
    try {
      await migrate(services.database);
      fileId = (await buildVaultOrg(services)).tokyoFile;
    } finally {
      await services.database.close();
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports nothing from a file with a bad row, and names the row, the field and the code', async () => {
    const list = students('C27', 30);
    list[2] = { ...list[2]!, birth_date: '2008-02-30' };
    const file = writeCsv('bad.csv', list);
    const out = await mamori(['vault', 'import', file, '--file-id', fileId, '--purpose', 'enrolment']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('4行目 / line 4: 生年月日 (birth_date) [invalid_date]');
    expect(out.stderr).toContain('日付を読み取れません');
    expect(out.stderr).toContain('The date cannot be read');
    expect(out.stderr).toContain('nothing was imported');
    expect(out.stdout + out.stderr).not.toContain('2008-02-30');
    expect((await records()).count).toBe(0);
  });

  it('checks every row and writes nothing on a dry run', async () => {
    const file = writeCsv('good.csv', students('C27', 300));
    const out = await mamori([
      'vault',
      'import',
      file,
      '--file-id',
      fileId,
      '--purpose',
      'enrolment',
      '--dry-run',
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('学生番号 (student_number) ← 0: 学生番号');
    expect(out.stdout).toContain('dry run: 300 records can be imported');
    expect((await records()).count).toBe(0);
  });

  it('imports a good file with its progress and a summary, as the CLI actor', async () => {
    const file = writeCsv('good.csv', students('C27', 300));
    // A mapping by headings: the health column left out.
    const mapping = path.join(dataDir, 'mapping.json');
    fs.writeFileSync(
      mapping,
      JSON.stringify({
        student_number: '学生番号',
        name: '氏名',
        kana: 'フリガナ',
        birth_date: 3,
        class: '学科・学年・クラス',
        phone: '電話番号',
        health: null,
      }),
    );
    const out = await mamori([
      'vault',
      'import',
      file,
      '--file-id',
      fileId,
      '--purpose',
      'enrolment',
      '--mapping',
      mapping,
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('健康上の配慮 (health) ← —');
    expect(out.stdout).toContain('100% (300 / 300)');
    expect(out.stdout).toMatch(/imported: 300 件 records in [\d.]+ s/);
    const after = await records();
    expect(after.count).toBe(300);
    expect(after.audit).toEqual([
      { type: 'vault.records_imported', actor_label: `cli:${os.userInfo().username}` },
    ]);

    // The same file again, as `npx mamori vault import FILE --file-id …` alone (the file's first
    // purpose, said aloud): every row is held already; nothing more is written.
    const again = await mamori(['vault', 'import', file, '--file-id', fileId]);
    expect(again.stdout).toContain('利用目的 / purpose: enrolment');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[duplicate_existing]');
    expect((await records()).count).toBe(300);
  });
});
