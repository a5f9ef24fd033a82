/**
 * Finding a requester's information across files (issue 12; 法76, 法77-1-2): the time of
 * `vault.subjects.find` — every file's blind indexes looked up with each of the requester's terms
 * (a name under a prefix index by its first two characters, ADR 0007), every hit decrypted and
 * compared on its identifying fields, one access event per file written before it answers (A11-3,
 * A22-1) — against a baseline measured in the same run: the plain per-file search of the same terms
 * through the records service (`vault.records.search`, what a handler would otherwise do by hand),
 * repeated over the three files for every term a file indexes.
 *
 * The services are the application's (createServices, the log's sequencer started) over a SQLite file
 * opened as the server opens it or a throw-away embedded PostgreSQL with durable settings
 * (support.ts). The data: the tests' vault org (tests/support/vault-fixture.ts) with three files of
 * 東京 教務係, each opened with `expectedRecords` = `entries` (blind indexes of about 8 records a
 * bucket) and filled with `entries` fictional records (default 100,000) by the vault's bulk import
 * (preview, then commit, as vault-import.ts does):
 * - 学籍ファイル (vault-fixture's STUDENT_FIELDS: student number exact, name by prefix, birth date not
 *   indexed — compared on the decrypted value only), opened anew: the fixture's own 学籍ファイル
 *   expects 200 records, so its indexes keep 5 bits (3,000 records a bucket at 100,000);
 * - 学生定期健康診断ファイル (student number exact, name by prefix, a 要配慮 note);
 * - 修学支援新制度（給付奨学金）ファイル (student number, name by prefix, birth date exact).
 * Names are one of 100 family names (distinct first two characters, so a family name's prefix hits
 * about 1 % of a file — 山本 1,247 of 100,000 —, as often as the commonest family names in Japan)
 * and 100 given names (about a dozen namesakes of the requester per file); birth
 * dates spread over ten years (about 27 records a day); student numbers unique. The requester, 山本
 * 花子 (fictional), is in all three files under the same student number and birth date; her
 * namesakes (same name, other birth date and number) are in them too, as they would be.
 *
 * Timed, `rounds` times (default 5), alternating which goes first, by a staff member of the 教務係
 * holding read grants on the three files:
 * - find: vault.subjects.find with name + birth date + student number on the three files;
 * - baseline: vault.records.search on each file for each of those terms its fields index (7 calls);
 * - reference: the requests search part's search of a real request (find, the candidates stored,
 *   the audit event, the matches view) — what a handler waits for when pressing 「検索」, minus HTTP.
 */
import os from 'node:os';
import type { Services } from '../server/app.ts';
import { systemCtx } from '../server/platform/context.ts';
import { csvText } from '../server/platform/tabular/index.ts';
import type { FieldDefinitionInput } from '../shared/vault/index.ts';
import { fileAt } from '../tests/support/register-fixture.ts';
import { buildVaultOrg, STUDENT_FIELDS, STUDENT_PURPOSES } from '../tests/support/vault-fixture.ts';
import { fmt, log, settle, stats, timed, type BenchOptions } from './support.ts';
import { benchServices } from './services.ts';

const field = (
  key: string,
  label: string,
  over: Partial<FieldDefinitionInput> = {},
): FieldDefinitionInput => ({
  key,
  label,
  type: 'text',
  sensitivity: 'normal',
  ...over,
});
const HEALTH_FIELDS: FieldDefinitionInput[] = [
  field('student_number', '学生番号', { required: true, searchable: 'exact' }),
  field('name', '氏名', { searchable: 'prefix' }),
  field('xray', '胸部X線所見', { type: 'note', sensitivity: 'sensitive' }),
];
const AID_FIELDS: FieldDefinitionInput[] = [
  field('student_number', '学籍番号', { required: true, searchable: 'exact' }),
  field('full_name', '氏名（漢字）', { searchable: 'prefix' }),
  field('birthday', '生年月日', { type: 'date', searchable: 'exact' }),
];

/** The requester (fictional) and the row of every file that is hers. */
const REQUESTER = { name: '山本 花子', birthDate: '2004-06-15', studentNumber: 'S9999999' };

const FAMILY_A = ['山', '川', '森', '林', '田', '石', '小', '大', '中', '高'];
const FAMILY_B = ['本', '田', '川', '村', '野', '井', '島', '原', '木', '口'];
const GIVEN_A = ['花', '太', '健', '美', '一', '直', '良', '和', '春', '秋'];
const GIVEN_B = ['子', '郎', '介', '香', '樹', '人', '美', '也', '菜', '斗'];
const BORN_FROM = Date.parse('2000-04-02T00:00:00Z');

/** The i-th fictional person of n: name, birth date, student number (the middle row is the requester). */
function person(i: number, n: number) {
  if (i === n >> 1) return REQUESTER;
  const h = (i * 2_654_435_761) >>> 0;
  const family = FAMILY_A[h % 10]! + FAMILY_B[(h >>> 4) % 10]!;
  const given = GIVEN_A[(h >>> 8) % 10]! + GIVEN_B[(h >>> 12) % 10]!;
  const born = new Date(BORN_FROM + ((h >>> 16) % 3650) * 86_400_000).toISOString().slice(0, 10);
  return { name: `${family} ${given}`, birthDate: born, studentNumber: `S${String(i).padStart(7, '0')}` };
}

/** Each file's CSV header and row of the i-th person (headers map to fields by label). */
const FILES = {
  gakuseki: {
    header: ['学生番号', '氏名', '生年月日', '学科・学年・クラス'],
    row: (i: number, p: ReturnType<typeof person>) => [
      p.studentNumber,
      p.name,
      p.birthDate,
      i % 2 ? '情報工学科3年' : '機械工学科3年',
    ],
  },
  health: {
    header: ['学生番号', '氏名', '胸部X線所見'],
    row: (i: number, p: ReturnType<typeof person>) => [
      p.studentNumber,
      p.name,
      i % 50 ? '異常なし' : '要再検査',
    ],
  },
  aid: {
    header: ['学籍番号', '氏名（漢字）', '生年月日'],
    row: (_i: number, p: ReturnType<typeof person>) => [p.studentNumber, p.name, p.birthDate],
  },
} as const;
type FileName = keyof typeof FILES;

/** The terms a records search can use on each file (the fields its blind indexes cover). */
const PLAIN_SEARCHES: Record<FileName, { field: string; value: string }[]> = {
  gakuseki: [
    { field: 'name', value: REQUESTER.name },
    { field: 'student_number', value: REQUESTER.studentNumber },
  ],
  health: [
    { field: 'name', value: REQUESTER.name },
    { field: 'student_number', value: REQUESTER.studentNumber },
  ],
  aid: [
    { field: 'full_name', value: REQUESTER.name },
    { field: 'birthday', value: REQUESTER.birthDate },
    { field: 'student_number', value: REQUESTER.studentNumber },
  ],
};

/** Fills a file through the vault's bulk import (preview, then commit), as vault-import.ts does. */
async function importInto(services: Services, fileId: string, which: FileName, n: number) {
  const ctx = systemCtx('bench');
  const f = FILES[which];
  const rows = Array.from({ length: n }, (_, i) => f.row(i, person(i, n)));
  const bytes = Buffer.from(csvText({ header: [...f.header], rows }), 'utf8');
  const p = await services.vault.import.preview(ctx, fileId, { purpose: 'enrolment', bytes });
  if (p.valid !== n) throw new Error(`${which}: the preview found ${p.invalid} invalid rows of ${p.total}`);
  const { done } = await services.vault.import.commit(ctx, fileId, {
    purpose: 'enrolment',
    bytes,
    mapping: p.mapping,
    digest: p.digest,
  });
  const result = await done;
  if (result.status !== 'done' || result.imported !== n)
    throw new Error(`${which}: the import ended ${result.status}, ${result.imported} imported`);
}

/** The installation: three files of `n` records each, a staff member's grants, a received request. */
async function scene(opts: BenchOptions, n: number) {
  const { services, close } = await benchServices(opts, 'requests-search');
  try {
    const v = await buildVaultOrg(services);
    services.ledger.start();
    const where = { unitId: v.units.tokyo, sectionId: v.sections.tokyoKyomu };
    const open = async (name: string, recordItems: string[], fields: FieldDefinitionInput[]) => {
      const fileId = await fileAt(services, where, 'registered', { name, recordItems });
      await services.vault.files.open(v.sys, fileId, {
        fields,
        purposes: STUDENT_PURPOSES,
        important: false,
        keyField: 'student_number',
        scopeField: null,
        expectedRecords: n,
      });
      return fileId;
    };
    // Each file's blind indexes sized for its population (indexBitsFor: about 8 records a bucket).
    // The fixture's own 学籍ファイル expects 200 records: 5 bits, 3,000 records a bucket at 100,000.
    const files: Record<FileName, string> = {
      gakuseki: await open(
        '学籍ファイル',
        ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号', '健康上の配慮'],
        STUDENT_FIELDS,
      ),
      health: await open('学生定期健康診断ファイル', ['学生番号', '氏名', '胸部X線所見'], HEALTH_FIELDS),
      aid: await open('修学支援新制度（給付奨学金）ファイル', ['学籍番号', '氏名', '生年月日'], AID_FIELDS),
    };
    const filled = await timed(async () => {
      for (const which of Object.keys(FILES) as FileName[])
        await importInto(services, files[which], which, n);
    });
    await services.ledger.sequence();
    for (const fileId of Object.values(files))
      await v.grant(fileId, 'tokyoKyomuStaff1', { permissions: ['read'] });
    const staff = await v.as('tokyoKyomuStaff1');
    const handler = await v.as('tokyoKyomuHead');
    const today = services.clock.today();
    const request = await services.requests.core.create(handler, {
      kind: 'disclosure',
      sectionId: v.sections.tokyoKyomu,
      channel: 'counter',
      receivedOn: today,
      requesterKind: 'self',
      requester: { ...REQUESTER, address: '東京都八王子市架空町1-2-3' },
      content: '在学中の記録の一切',
      fileIds: Object.values(files),
      identityMethod: 'student_or_staff_card',
      feeMethod: 'revenue_stamp',
      feePaidOn: today,
      preferredMethod: 'paper_copy',
    });
    const row = await services.requests.core.readable(handler, request.id);
    return {
      services,
      files,
      staff,
      handler,
      request,
      purpose: services.requests.core.purposeOf(row),
      fillMs: filled.ms,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** vault.subjects.find over the three files; the requester's records found (one per file). */
async function find(s: Scene) {
  const out = await s.services.vault.subjects.find(s.staff, {
    purpose: s.purpose,
    requestId: s.request.id,
    terms: { name: REQUESTER.name, birthDate: REQUESTER.birthDate, studentNumber: REQUESTER.studentNumber },
    fileIds: Object.values(s.files),
  });
  const hers = out.candidates.filter((c) => c.identifying.number === REQUESTER.studentNumber);
  if (hers.length !== 3 || out.truncated.length > 0)
    throw new Error(
      `find: ${hers.length} of the requester's 3 records, ${out.truncated.length} files truncated`,
    );
  return { candidates: out.candidates.length };
}

/** The baseline: the records service's search of each indexed term on each file. */
async function plain(s: Scene) {
  let found = 0;
  let hers = 0;
  for (const which of Object.keys(FILES) as FileName[])
    for (const q of PLAIN_SEARCHES[which]) {
      const r = await s.services.vault.records.search(s.staff, s.files[which], {
        purpose: 'enrolment',
        ...q,
      });
      found += r.records.length;
      hers += r.records.filter((x) => Object.values(x.values).includes(REQUESTER.studentNumber)).length;
    }
  if (hers !== 7) throw new Error(`baseline: the requester's record came back ${hers} times of 7 searches`);
  return { found };
}

/** The requests search part's search of the request (what the handler's 「検索」 runs). */
async function requestSearch(s: Scene) {
  const view = await s.services.requests.search.service.search(s.handler, s.request.id, {});
  return { matches: view.matches.length };
}

export async function requestsSearchBench(opts: BenchOptions) {
  const n = opts.entries ?? 100_000;
  const rounds = opts.rounds ?? 5;
  log(
    `\n## requests-search (${opts.db}): vault.subjects.find (name + birth date + student number) over 3 files ` +
      `of ${fmt(n)} records vs vault.records.search of the same terms per file (7 calls); ${rounds} rounds; ` +
      `load average ${os
        .loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')}`,
  );
  const s = await scene(opts, n);
  try {
    log(`filled 3 × ${fmt(n)} records by bulk import in ${fmt(s.fillMs / 1000, 1)} s`);
    // Warm-up: one of each (the page cache, the files' keys).
    const first = await find(s);
    const base = await plain(s);
    const req = await requestSearch(s);
    log(
      `find returns ${first.candidates} candidates (the requester's 3 records and her namesakes); ` +
        `the baseline's 7 searches return ${base.found} records; the request's search keeps ${req.matches} matches`,
    );
    const times = {
      find: [] as number[],
      plain: [] as number[],
      request: [] as number[],
      ratio: [] as number[],
    };
    const cpu = { find: [] as number[], plain: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      settle();
      const order = round % 2 ? (['find', 'plain'] as const) : (['plain', 'find'] as const);
      const t: Record<string, { ms: number; cpuMs: number }> = {};
      for (const phase of order) {
        settle();
        t[phase] = await timed<unknown>(() => (phase === 'find' ? find(s) : plain(s)));
      }
      settle();
      const r = await timed(() => requestSearch(s));
      times.find.push(t.find!.ms);
      times.plain.push(t.plain!.ms);
      times.request.push(r.ms);
      times.ratio.push(t.find!.ms / t.plain!.ms);
      cpu.find.push(t.find!.cpuMs);
      cpu.plain.push(t.plain!.cpuMs);
      log(
        `round ${round}: find ${fmt(t.find!.ms)} ms (CPU ${fmt(t.find!.cpuMs)}), baseline ${fmt(t.plain!.ms)} ms ` +
          `(CPU ${fmt(t.plain!.cpuMs)}), ratio ${fmt(t.find!.ms / t.plain!.ms, 2)}; the request's search ` +
          `${fmt(r.ms)} ms; load average ${fmt(os.loadavg()[0]!, 1)}`,
      );
    }
    const m = (xs: number[]) => stats(xs).median;
    log(
      `requests-search ${opts.db} (median of ${rounds}): find ${fmt(m(times.find))} ms ` +
        `(CPU ${fmt(m(cpu.find))} ms), baseline ${fmt(m(times.plain))} ms (CPU ${fmt(m(cpu.plain))} ms), ` +
        `ratio ${fmt(m(times.ratio), 2)}; the request's search ${fmt(m(times.request))} ms`,
    );
    return times;
  } finally {
    await s.close();
  }
}
