/**
 * The access history of a request (issue 12; A22-1, A22-2, A11-3): the time to build it — every
 * access entry naming the requester's confirmed record, read from the log's record index, each with
 * its canonical bytes, payload and inclusion proof against the latest signed checkpoint, checked by
 * the server with the person's own verifier before it is issued (server/modules/requests/history) —
 * against a baseline measured in the same run: `ledger.list(db, { recordId })` of the same entries
 * (the record index read, no bytes, proofs or checks). And the time to verify the bundle offline
 * (history-bundle.ts verifyHistoryBundle, what `npx mamori log verify-history` runs), per entry.
 *
 * The services are the application's (createServices) over a SQLite file opened as the server opens
 * it or a throw-away embedded PostgreSQL with durable settings (support.ts). The data: the tests'
 * vault org (tests/support/vault-fixture.ts); the requester (fictional) in 東京's 学籍ファイル; a
 * disclosure request received for her, searched and her record confirmed through the requests search
 * part. Then a log of `entries` access entries (default 100,000), written by `ledger.access` in
 * batches of concurrent callers and sequenced: one in `entries / reads` (default 1,000 reads) is a
 * read of her record by one of the 教務係's staff (vault.record_viewed, 学籍管理), the others are
 * typical reads of other records (support.ts sampleAccess).
 *
 * Timed, `rounds` times (default 3): the history view (history.view: rows, bundle, server-side check),
 * the bundle issued as JSON (history.issue 'json': the same, serialised, the audit event), the
 * baseline; then the issued bundle parsed and verified offline. References, once: the inclusion
 * proofs alone (ledger.proveInclusion for each entry) and the PDF for the requester (issue 'pdf').
 */
import os from 'node:os';
import type { Ctx } from '../server/platform/context.ts';
import { verifyHistoryBundle } from '../server/platform/ledger/history-bundle.ts';
import type { AccessEvent } from '../server/platform/ledger/index.ts';
import { buildVaultOrg } from '../tests/support/vault-fixture.ts';
import { fmt, log, sampleAccess, sampleCtx, settle, stats, timed, type BenchOptions } from './support.ts';
import { benchServices } from './services.ts';

const REQUESTER = { name: '架空 花子', birthDate: '2008-04-02', studentNumber: 'T24001' };
/** Callers appending at once while the log is built (each awaits its entry, then the next). */
const CALLERS = 2000;
const STAFF = ['tokyoKyomuStaff1', 'tokyoKyomuHead', 'tokyoPrincipal'] as const;

async function scene(opts: BenchOptions, entries: number, reads: number) {
  const { services, close } = await benchServices(opts, 'requests-history');
  try {
    const v = await buildVaultOrg(services);
    services.ledger.start();
    const recordId = await v.student(v.tokyoFile, {
      student_number: REQUESTER.studentNumber,
      name: REQUESTER.name,
      birth_date: REQUESTER.birthDate,
      class: '情報工学科3年',
    });
    const handler = await v.as('tokyoKyomuHead');
    const today = services.clock.today();
    const request = await services.requests.core.create(handler, {
      kind: 'disclosure',
      sectionId: v.sections.tokyoKyomu,
      channel: 'counter',
      receivedOn: today,
      requesterKind: 'self',
      requester: { ...REQUESTER, address: '東京都八王子市架空町1-2-3' },
      content: '私の記録を誰がいつ見たか',
      fileIds: [v.tokyoFile],
      identityMethod: 'student_or_staff_card',
      feeMethod: 'revenue_stamp',
      feePaidOn: today,
      preferredMethod: 'paper_copy',
    });
    const search = services.requests.search.service;
    const found = await search.search(handler, request.id, {});
    const match = found.matches.find((m) => m.recordId === recordId);
    if (!match) throw new Error('the search did not find the requester’s record');
    await search.confirm(handler, request.id, match.id, {});

    // The log: `reads` reads of her record by the 教務係's staff among `entries` access entries.
    const staff: Ctx[] = await Promise.all(STAFF.map((k) => v.as(k)));
    const every = Math.max(1, Math.floor(entries / reads));
    const hers = (i: number): AccessEvent => ({
      type: 'vault.record_viewed',
      unitId: v.units.tokyo,
      sectionId: v.sections.tokyoKyomu,
      purpose: '学籍管理',
      subjectType: 'vault_file',
      subjectId: v.tokyoFile,
      records: [recordId],
      fields: ['student_number', 'name', 'birth_date', 'class'],
      outcome: 'ok',
      data: { purposeCode: 'enrolment', n: i },
    });
    const built = await timed(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CALLERS }, async () => {
          for (let i = next++; i < entries; i = next++)
            if (i % every === 0 && i / every < reads)
              await services.ledger.access(staff[(i / every) % staff.length]!, hers(i));
            else await services.ledger.access(sampleCtx(i), sampleAccess(i));
        }),
      );
      return services.ledger.sequence();
    });
    return { services, handler, request, recordId, buildMs: built.ms, close };
  } catch (e) {
    await close();
    throw e;
  }
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** The baseline: the record index read for the same entries (one page: the index caps it at 5000). */
async function baseline(s: Scene) {
  const { database, ledger } = s.services;
  return (await ledger.list(database.db, { recordId: s.recordId, kind: 'access', limit: 5000 })).length;
}

export async function requestsHistoryBench(opts: BenchOptions) {
  const entries = opts.entries ?? 100_000;
  const reads = opts.samples ?? 1000;
  const rounds = opts.rounds ?? 3;
  log(
    `\n## requests-history (${opts.db}): a record read ${fmt(reads)} times in a log of ${fmt(entries)} access ` +
      `entries; the history (view, JSON bundle with proofs) vs ledger.list({ recordId }); offline verification; ` +
      `${rounds} rounds; load average ${os
        .loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')}`,
  );
  const s = await scene(opts, entries, reads);
  const { history } = s.services.requests;
  const { verifierKey } = s.services.ledger;
  try {
    const treeSize = (await s.services.ledger.latestCheckpoint(s.services.database.db))?.treeSize ?? 0;
    log(
      `log built by ledger.access and sequenced in ${fmt(s.buildMs / 1000, 1)} s: tree of ${fmt(treeSize)} entries`,
    );
    // Warm-up, and the figures' sanity: the view lists what the index lists, every row verified.
    const warm = await history.view(s.handler, s.request.id);
    const listed = await baseline(s);
    if (warm.counts.entries !== listed || warm.counts.failed !== 0 || listed < reads)
      throw new Error(
        `the view has ${warm.counts.entries} rows (${warm.counts.failed} failed), the index ${listed}`,
      );
    log(
      `the history lists ${fmt(listed)} accesses (${fmt(warm.counts.forThisRequest)} for the request itself)`,
    );

    const t = { view: [] as number[], issue: [] as number[], base: [] as number[], verify: [] as number[] };
    const cpu = { view: [] as number[], issue: [] as number[], base: [] as number[], verify: [] as number[] };
    let bytes = 0;
    for (let round = 1; round <= rounds; round++) {
      settle();
      const b = await timed(() => baseline(s));
      settle();
      const v = await timed(() => history.view(s.handler, s.request.id));
      settle();
      const i = await timed(() => history.issue(s.handler, s.request.id, 'json'));
      bytes = i.value.body.length;
      const bundle: unknown = JSON.parse(i.value.body.toString('utf8'));
      settle();
      const c = await timed(() => Promise.resolve(verifyHistoryBundle(bundle, { verifierKey })));
      if (!c.value.ok || c.value.entries.length !== listed)
        throw new Error(`offline verification: ok ${c.value.ok}, ${c.value.entries.length} entries`);
      t.base.push(b.ms);
      t.view.push(v.ms);
      t.issue.push(i.ms);
      t.verify.push(c.ms);
      cpu.base.push(b.cpuMs);
      cpu.view.push(v.cpuMs);
      cpu.issue.push(i.cpuMs);
      cpu.verify.push(c.cpuMs);
      log(
        `round ${round}: baseline ${fmt(b.ms, 1)} ms (CPU ${fmt(b.cpuMs, 1)}); view ${fmt(v.ms)} ms (CPU ${fmt(v.cpuMs)}, ratio ${fmt(v.ms / b.ms, 1)}); ` +
          `JSON bundle ${fmt(i.ms)} ms (CPU ${fmt(i.cpuMs)}, ratio ${fmt(i.ms / b.ms, 1)}, ${fmt(bytes / 2 ** 20, 1)} MiB); ` +
          `offline verification ${fmt(c.ms)} ms (CPU ${fmt(c.cpuMs)}; ${fmt((c.ms * 1000) / listed)} µs per entry); ` +
          `load average ${fmt(os.loadavg()[0]!, 1)}`,
      );
    }

    // References: the proofs alone, and the PDF for the requester.
    const { database, ledger } = s.services;
    const leaves = (
      await ledger.list(database.db, { recordId: s.recordId, kind: 'access', limit: 5000 })
    ).map((e) => e.leafIndex!);
    const cp = await ledger.latestCheckpoint(database.db);
    settle();
    const proofs = await timed(async () => {
      for (const leaf of leaves) await ledger.proveInclusion(database.db, leaf, cp!.treeSize);
    });
    settle();
    const pdf = await timed(() => history.issue(s.handler, s.request.id, 'pdf'));
    log(
      `references: ${fmt(leaves.length)} inclusion proofs alone ${fmt(proofs.ms)} ms (CPU ${fmt(proofs.cpuMs)}; ${fmt((proofs.ms * 1000) / leaves.length)} µs each); ` +
        `the PDF for the requester ${fmt(pdf.ms)} ms (CPU ${fmt(pdf.cpuMs)}; ${fmt(pdf.value.body.length / 2 ** 10)} KiB)`,
    );
    const m = (xs: number[]) => stats(xs).median;
    log(
      `requests-history ${opts.db} (median of ${rounds}, ${fmt(listed)} entries): baseline ${fmt(m(t.base), 1)} ms; ` +
        `view ${fmt(m(t.view))} ms (× ${fmt(m(t.view) / m(t.base), 1)}); JSON bundle ${fmt(m(t.issue))} ms ` +
        `(× ${fmt(m(t.issue) / m(t.base), 1)}); offline verification ${fmt(m(t.verify))} ms, ` +
        `${fmt((m(t.verify) * 1000) / listed)} µs per entry; CPU: baseline ${fmt(m(cpu.base), 1)} ms, view ` +
        `${fmt(m(cpu.view))} ms (× ${fmt(m(cpu.view) / m(cpu.base), 1)}), JSON bundle ${fmt(m(cpu.issue))} ms ` +
        `(× ${fmt(m(cpu.issue) / m(cpu.base), 1)}), offline verification ${fmt(m(cpu.verify))} ms`,
    );
    return t;
  } finally {
    await s.close();
  }
}
