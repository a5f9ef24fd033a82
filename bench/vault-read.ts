/**
 * The vault's audited read (issue 6, "Measured"): HTTP throughput of
 * `GET /api/vault/files/:fileId/records/:recordId?purpose=enrolment` — the gate (file, grant in
 * force with read permission, registered purpose: A11-1, A11-2, A11-3), the record's data key
 * unwrapped and its normal fields opened (A25), a durable access entry in the verifiable log before
 * the answer leaves (A22-1) — against a plain read of the same row through the same server.
 *
 * The server is the application as main.ts runs it (createServices, createHttpApp, the log's
 * sequencer started), listening on 127.0.0.1, over a SQLite file opened as the server opens it or a
 * throw-away embedded PostgreSQL with durable settings (support.ts), with its vault key file in the
 * bench folder. The data are the tests' vault org (tests/support/vault-fixture.ts): 東京 教務係's
 * 学籍ファイル with `records` students (default 1,000). A staff member of the 教務係 holds a read
 * grant on it and a session started as sign-in starts one; requests carry its cookie.
 *
 * Baseline, same server, same run: `GET /api/bench/plain/files/:fileId/records/:recordId`, a route
 * added to the app here and nowhere else. It passes the same hooks (session, terminal, password
 * change gate, rate limit, helmet) and the same validation of the ids, selects the same row by file
 * and id, and returns it as JSON: no grant, purpose, key, decryption, log entry or presentation.
 * References: `GET /healthz` (no session, no database), the ceiling of the framework and the client;
 * the audited read over one connection, its latency when nothing waits behind anything else.
 *
 * Load: a worker thread (its own event loop) keeps `concurrency` (default 50) keep-alive
 * connections busy, one request at a time each, on random records: 2 s of warm-up, then 10 s
 * measured. Rounds (default 3) alternate which route goes first; the log is sequenced between
 * phases, so that neither inherits the other's backlog. After each audited phase the log must hold
 * exactly one `vault.record_viewed` entry per answer. Goals: audited / plain ≥ 0.7, and the audited
 * read's p99 ≤ 10 ms at 50 connections. Beside requests/s, each phase reports the CPU time of the
 * server thread per request (Linux): on a shared machine it moves less than the rate does.
 *
 * With MAMORI_BENCH_CPU_PROF=<dir>, the server thread's CPU profile of each phase of the first round
 * is written there (`<db>-audited.cpuprofile`, `<db>-plain.cpuprofile`; Chrome DevTools opens them).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { createHttpApp, createServices, type Services } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { AppError } from '../server/platform/errors.ts';
import { SESSION_COOKIE } from '../server/platform/http/create-server.ts';
import { requireCtx } from '../server/platform/http/require-ctx.ts';
import { buildVaultOrg, students } from '../tests/support/vault-fixture.ts';
import { fmt, log, openBenchDb, stats, type BenchOptions } from './support.ts';

const WARMUP_MS = 2_000;
const MEASURED_MS = 10_000;
const VIEWED = 'vault.record_viewed';

type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;

/** What the load generator reports of one phase (latencies in ms, measured window only). */
interface LoadResult {
  requests: number;
  /** Answers in the whole phase, warm-up included (each audited one is one log entry). */
  total: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  failure: string | null;
}

/** A phase as reported: the load generator's figures, the rate, and the server thread's share. */
interface Phase extends LoadResult {
  rate: number;
  /** The server's event-loop utilisation over the measured window. */
  elu: number;
  /** CPU time of the server thread over the measured window (null off Linux). */
  cpuMs: number | null;
}

/**
 * The load generator, run as a worker thread from this source (plain JavaScript, Node built-ins
 * only, so that it needs no loader): `connections` loops over one keep-alive agent, each sending
 * one request and waiting for the whole answer before the next. A non-200 answer stops the phase.
 */
const LOAD_GENERATOR = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { port, paths, cookie, connections, warmupMs, measuredMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const headers = cookie ? { cookie } : {};

function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      if (res.statusCode === 200) {
        res.on('end', () => resolve(null));
        res.resume();
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(res.statusCode + ' ' + body.slice(0, 300)));
    });
    req.on('error', reject);
  });
}

async function main() {
  const from = performance.now() + warmupMs;
  const until = from + measuredMs;
  setTimeout(() => parentPort.postMessage({ measuring: true }), warmupMs);
  let latencies = new Float64Array(1 << 17);
  let n = 0;
  let total = 0;
  let last = from;
  let failure = null;
  async function connection() {
    while (failure === null && performance.now() < until) {
      const path = paths[Math.floor(Math.random() * paths.length)];
      const t0 = performance.now();
      const error = await get(path);
      const t1 = performance.now();
      if (error !== null) {
        failure = path + ' answered ' + error;
        break;
      }
      total++;
      if (t0 < from) continue;
      if (n === latencies.length) {
        const bigger = new Float64Array(n * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[n++] = t1 - t0;
      if (t1 > last) last = t1;
    }
  }
  await Promise.all(Array.from({ length: connections }, connection));
  agent.destroy();
  const sorted = latencies.subarray(0, n).sort();
  const at = (q) => (n === 0 ? NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]);
  parentPort.postMessage({
    result: {
      requests: n,
      total,
      seconds: (last - from) / 1000,
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      max: at(1),
      failure,
    },
  });
}
main().catch((e) => parentPort.postMessage({ result: { failure: String((e && e.stack) || e) } }));
`;

/**
 * One phase of load on `paths` (chosen at random per request), with the server's event-loop
 * utilisation over the measured window. Throws when an answer is not 200.
 */
function load(port: number, paths: string[], cookie: string | null, connections: number): Promise<Phase> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, {
      eval: true,
      workerData: { port, paths, cookie, connections, warmupMs: WARMUP_MS, measuredMs: MEASURED_MS },
    });
    let elu0: EventLoopUtilization | null = null;
    let cpu0: number | null = null;
    worker.on('message', (m: { measuring?: true; result?: LoadResult }) => {
      if (m.measuring) {
        elu0 = performance.eventLoopUtilization();
        cpu0 = serverThreadCpuMs();
      }
      if (!m.result) return;
      const elu = elu0 ? performance.eventLoopUtilization(elu0).utilization : NaN;
      const cpu1 = serverThreadCpuMs();
      const cpuMs = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
      void worker.terminate();
      if (m.result.failure) reject(new Error(`load generator: ${m.result.failure}`));
      else resolve({ ...m.result, rate: m.result.requests / m.result.seconds, elu, cpuMs });
    });
    worker.on('error', reject);
  });
}

/**
 * CPU time (ms) of this process's main thread, the server's, from Linux's /proc (utime + stime in
 * ticks of 10 ms); null elsewhere. On a shared machine, CPU per request is steadier than requests/s.
 */
function serverThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Runs `fn` under the server thread's CPU profiler when MAMORI_BENCH_CPU_PROF names a folder. */
async function profiled<T>(name: string | null, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.MAMORI_BENCH_CPU_PROF;
  if (!dir || !name) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

const recordParams = z.object({ fileId: z.uuid(), recordId: z.uuid() });

/**
 * The baseline's route, added to this app only (never to the application): the same vault_records
 * row, selected by file and id as vaultRepo.record selects it, returned as JSON to a signed-in person.
 */
function addPlainRoute(app: HttpApp, services: Services) {
  app.get(
    '/api/bench/plain/files/:fileId/records/:recordId',
    { schema: { hide: true, params: recordParams } },
    async (req) => {
      requireCtx(req);
      const row = await services.database.db
        .selectFrom('vault_records')
        .selectAll()
        .where('file_id', '=', req.params.fileId)
        .where('id', '=', req.params.recordId)
        .executeTakeFirst();
      if (!row) throw new AppError('vault.record_not_found');
      return row;
    },
  );
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The server over a fresh database: the vault org, `records` students, a grant, a session, listening. */
async function vaultServer(opts: BenchOptions, records: number) {
  const target = await openBenchDb(opts);
  const dataDir = fs.mkdtempSync(path.join(opts.dir, 'vault-read-'));
  const services = createServices({
    config: loadConfig({
      MAMORI_DEMO: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000000',
      MAMORI_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
    }),
    database: target.database,
    clock: systemClock,
  });
  const v = await buildVaultOrg(services);
  const today = services.clock.today();
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', {
    permissions: ['read'],
    validFrom: today,
    validUntil: addDays(today, 90),
  });
  const ids: string[] = [];
  for (const s of students('B26', records)) ids.push(await v.student(v.tokyoFile, s));
  const token = await services.identity.startSession(v.people.tokyoKyomuStaff1, {
    ip: '127.0.0.1',
    userAgent: 'mamori-bench',
    requestId: null,
  });
  const app = await createHttpApp(services, { ready: true });
  addPlainRoute(app, services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('the server has no address');
  services.ledger.start();
  const base = `/api/vault/files/${v.tokyoFile}/records`;
  return {
    services,
    port: address.port,
    cookie: `${SESSION_COOKIE}=${token}`,
    audited: ids.map((id) => `${base}/${id}?purpose=enrolment`),
    plain: ids.map((id) => `/api/bench/plain/files/${v.tokyoFile}/records/${id}`),
    async close() {
      await app.close();
      await services.ledger.stop();
      await target.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
type VaultServer = Awaited<ReturnType<typeof vaultServer>>;

/** Checks, before timing, that both routes answer the person with the same record. */
async function checkRoutes(s: VaultServer) {
  const get = async (p: string) => {
    const res = await fetch(`http://127.0.0.1:${s.port}${p}`, { headers: { cookie: s.cookie } });
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string; values?: Record<string, unknown> };
  };
  const audited = await get(s.audited[0]!);
  const plain = await get(s.plain[0]!);
  if (audited.id !== plain.id || typeof audited.values?.student_number !== 'string')
    throw new Error('the audited read did not answer the record with its values');
}

const viewedEntries = (s: VaultServer) => s.services.ledger.count(s.services.database.db, { type: VIEWED });

/** The audited phase, checked against the log: one durable entry per answer. */
async function auditedPhase(s: VaultServer, connections: number, profile: string | null) {
  const before = await viewedEntries(s);
  const r = await profiled(profile, () => load(s.port, s.audited, s.cookie, connections));
  const logged = (await viewedEntries(s)) - before;
  if (logged !== r.total) throw new Error(`${r.total} audited answers but ${logged} log entries`);
  await s.services.ledger.sequence();
  return r;
}

const cpuPerRequest = (r: Phase) => (r.cpuMs === null ? NaN : r.cpuMs / r.requests);

const line = (name: string, r: Phase) =>
  `${name} ${fmt(r.rate)} req/s (${fmt(r.requests)} in ${fmt(r.seconds, 1)} s), ` +
  `p50 ${fmt(r.p50, 2)} ms, p90 ${fmt(r.p90, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 1)} ms; ` +
  `server thread: event loop busy ${fmt(r.elu * 100)} %, ` +
  (r.cpuMs === null
    ? 'CPU not measured'
    : `CPU ${fmt(r.cpuMs / r.seconds)} ms/s, ${fmt(cpuPerRequest(r), 2)} ms per request`);

export async function vaultReadBench(opts: BenchOptions) {
  const records = opts.entries ?? 1000;
  const connections = opts.concurrency ?? 50;
  const rounds = opts.rounds ?? 3;
  log(
    `\n## vault-read (${opts.db}): audited GET of a record vs a plain read of its row, ${fmt(records)} records, ` +
      `${connections} connections, ${WARMUP_MS / 1000} s warm-up + ${MEASURED_MS / 1000} s per phase, ${rounds} rounds; ` +
      `load average ${os
        .loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')}`,
  );
  const s = await vaultServer(opts, records);
  try {
    await checkRoutes(s);
    log(
      line(
        'reference GET /healthz (no session, no database):',
        await load(s.port, ['/healthz'], null, connections),
      ),
    );
    log(line('reference audited, 1 connection:', await auditedPhase(s, 1, null)));
    const results: { audited: Phase; plain: Phase; ratio: number; cpuRatio: number }[] = [];
    for (let round = 1; round <= rounds; round++) {
      // Alternate which runs first, so that neither always meets the machine in the same state.
      const plainFirst = round % 2 === 0;
      const profile = (phase: string) =>
        round === Number(process.env.MAMORI_BENCH_PROF_ROUND ?? 1) ? `${opts.db}-${phase}` : null;
      const plainPhase = () => profiled(profile('plain'), () => load(s.port, s.plain, s.cookie, connections));
      const plain0 = plainFirst ? await plainPhase() : null;
      const audited = await auditedPhase(s, connections, profile('audited'));
      const plain = plain0 ?? (await plainPhase());
      const r = {
        audited,
        plain,
        ratio: audited.rate / plain.rate,
        cpuRatio: cpuPerRequest(plain) / cpuPerRequest(audited),
      };
      results.push(r);
      log(
        `round ${round}: ${line('audited', audited)}; ${line('plain', plain)}; ` +
          `ratio ${fmt(r.ratio, 2)} (CPU per request: ${fmt(r.cpuRatio, 2)}); ` +
          `${fmt(audited.total)} audited answers, as many log entries`,
      );
    }
    const median = (f: (r: (typeof results)[number]) => number) => stats(results.map(f)).median;
    const ratio = median((r) => r.ratio);
    const p99 = median((r) => r.audited.p99);
    log(
      `vault-read ${opts.db} (median of ${rounds}): audited ${fmt(median((r) => r.audited.rate))} req/s, ` +
        `plain ${fmt(median((r) => r.plain.rate))} req/s, ratio ${fmt(ratio, 2)} ` +
        `(goal ≥ 0.70: ${ratio >= 0.7 ? 'met' : 'not met'}; CPU per request ${fmt(
          median((r) => r.cpuRatio),
          2,
        )}); ` +
        `audited p50 ${fmt(
          median((r) => r.audited.p50),
          2,
        )} ms, p99 ${fmt(p99, 2)} ms at ${connections} connections ` +
        `(goal ≤ 10 ms: ${p99 <= 10 ? 'met' : 'not met'})`,
    );
    return results;
  } finally {
    await s.close();
  }
}
