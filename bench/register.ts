/**
 * The public register (issue 5): search over 10,000 published entries, timed at the server, and the
 * JavaScript the public page transfers.
 *
 * The demo organisation (52 units) is loaded, then `entries` registered, published files are
 * written straight into the register's tables (fields drawn from the demo's 24 files, so that
 * searches match realistically). The HTTP app answers in-process (Fastify inject: routing, parsing,
 * the service, rendering the HTML — no network). After a warm-up, `samples` requests are timed:
 * `GET /register` with a mix of free-text, per-field, kind and unit searches, and the 単票 of random
 * entries. Baseline in the same run: `GET /healthz` through the same app (the framework's floor).
 * Goal: p95 < 20 ms. The page's JavaScript: `<script>` elements on /register and their bytes.
 */
import crypto from 'node:crypto';
import { createHttpApp, createServices } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { newId } from '../server/platform/ids.ts';
import { loadDemo } from '../server/modules/organisation/demo/load-demo.ts';
import { registerRepo } from '../server/modules/register/register.repo.ts';
import { entryFields } from '../shared/api/register.ts';
import { fmt, log, openBenchDb, stats, type BenchOptions } from './support.ts';

const NAMES = [
  '学籍',
  '成績',
  '健康診断',
  '寮',
  '奨学金',
  '図書館利用者',
  '証明書発行',
  '入学者選抜',
  '人事記録',
  '課外活動',
];
const ITEMS = [
  '氏名',
  '学生番号',
  '住所',
  '生年月日',
  '電話番号',
  'メールアドレス',
  '口座',
  '既往歴',
  '成績',
  '所属',
];
const PURPOSES = [
  '学籍に関する事務',
  '健康の保持増進',
  '授業料の免除',
  '図書館資料の貸出',
  '進路指導',
  '給与の支給',
];

export async function registerBench(opts: BenchOptions) {
  const n = opts.entries ?? 10_000;
  const samples = opts.samples ?? 2000;
  log(`\n## register (${opts.db}): public search over ${fmt(n)} published entries, ${fmt(samples)} requests`);
  const target = await openBenchDb(opts);
  const services = createServices({
    config: loadConfig({
      MAMORI_DEMO: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000000',
      MAMORI_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
    }),
    database: target.database,
    clock: systemClock,
  });
  const app = await createHttpApp(services, { ready: true });
  try {
    await loadDemo(services);
    const db = target.database.db;
    const sections = await db
      .selectFrom('sections')
      .select(['id', 'unit_id', 'name'])
      .where('handles_personal_info', '=', 1)
      .execute();
    const units = new Map(
      (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
    );
    const at = new Date().toISOString();
    const ids: string[] = [];
    await target.database.transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        const s = sections[i % sections.length]!;
        const fileId = newId();
        const versionId = newId();
        const fields = entryFields.parse({
          name: `${NAMES[i % NAMES.length]}ファイル${i}`,
          department: `${units.get(s.unit_id)} ${s.name}`,
          purpose: `${PURPOSES[i % PURPOSES.length]}に利用する。`,
          recordItems: Array.from({ length: 4 + (i % 8) }, (_, k) => ITEMS[(i + k) % ITEMS.length]!),
          recordRange: '在籍する（した）学生',
          collectionMethod: '本人の届出',
          sensitive: i % 7 === 0,
          requestOffice: '独立行政法人国立高等専門学校機構 本部事務局総務課',
          kind: i % 5 === 0 ? 'manual' : 'computer',
        });
        await registerRepo.insertFile(tx, {
          id: fileId,
          unit_id: s.unit_id,
          section_id: s.id,
          state: 'registered',
          current_version_id: versionId,
          open_version_id: null,
          my_number: 0,
          my_number_approved_at: null,
          my_number_approved_by: null,
          created_at: at,
          created_by: null,
          discontinued_at: null,
          discontinued_by: null,
          discontinued_reason: null,
        });
        await registerRepo.insertVersion(
          tx,
          {
            id: versionId,
            file_id: fileId,
            number: 1,
            status: 'accepted',
            created_at: at,
            created_by: null,
            submitted_at: at,
            submitted_by: null,
            decided_at: at,
            decided_by: null,
            return_reason: null,
          },
          fields,
        );
        ids.push(fileId);
      }
      await registerRepo.touchPublic(tx, newId(), at);
    });
    const unitIds = [...new Set(sections.map((s) => s.unit_id))];
    const pick = <T>(xs: readonly T[]): T => xs[crypto.randomInt(0, xs.length)]!;
    const requests = (): string => {
      switch (crypto.randomInt(0, 6)) {
        case 0:
          return `/register?q=${encodeURIComponent(pick(NAMES))}`;
        case 1:
          return `/register?items=${encodeURIComponent(`${pick(ITEMS)} ${pick(ITEMS)}`)}`;
        case 2:
          return `/register?purpose=${encodeURIComponent(pick(PURPOSES))}&kind=computer`;
        case 3:
          return `/register?unit=${pick(unitIds)}`;
        case 4:
          return `/register?q=${encodeURIComponent(pick(NAMES))}&page=2`;
        default:
          return `/register/files/${pick(ids)}`;
      }
    };
    const time = async (url: string) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      return ms;
    };
    for (let i = 0; i < 200; i++) await time(requests()); // warm-up (builds the public projection once)
    const search: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < samples; i++) {
      search.push(await time(requests()));
      floor.push(await time('/healthz'));
    }
    const s = stats(search);
    const f = stats(floor);
    const page = await app.inject({ method: 'GET', url: '/register' });
    const scripts = page.body.match(/<script\b/g)?.length ?? 0;
    log(
      `public search ${opts.db} over ${fmt(n)} entries: median ${fmt(s.median, 2)} ms, p95 ${fmt(percentile(search, 0.95), 2)} ms, ` +
        `p99 ${fmt(s.p99, 2)} ms, max ${fmt(s.max, 2)} ms (goal p95 < 20 ms); ` +
        `baseline GET /healthz median ${fmt(f.median, 3)} ms, p95 ${fmt(percentile(floor, 0.95), 3)} ms: ` +
        `p95 ratio ${fmt(percentile(search, 0.95) / percentile(floor, 0.95), 1)}; ` +
        `/register carries ${scripts} <script> elements (0 bytes of JavaScript; goal < 150 kB gzip); page ${fmt(page.rawPayload.length / 1024, 1)} KiB of HTML`,
    );
    return { p95: percentile(search, 0.95), scripts };
  } finally {
    await app.close();
    await target.drop();
  }
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
