/**
 * The verifiable log over HTTP (A22): the explorer shows each reader the entries of their scope only
 * (A22: the 保護管理者 their sections, the 総括保護管理者 their unit, the 監査責任者 and 総括管理者
 * everything), an entry out of scope is 404, pages follow each other by keyset, every entry comes
 * with an inclusion proof anyone can check (A22-2), the state of the log, its retention (A22-1) and
 * verification are audited, and the checkpoint and its key are public.
 */
import { describe, expect, it } from 'vitest';
import type {
  LogEntryDetailView,
  LogEntryPage,
  LogEntryView,
  LogStatusView,
  PruneResultView,
  RetentionView,
  VerificationView,
} from '../../shared/api/logs.ts';
import { createHttpApp, type Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { entryBytes } from '../../server/platform/ledger/entry-codec.ts';
import { leafHash, verifyInclusion } from '../../server/platform/ledger/merkle.ts';
import { openNote, parseCheckpointText, parseVerifierKey } from '../../server/platform/ledger/note.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { buildOrg, type Org, type PersonKey } from '../support/org-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { expectProblem } from './support/expect-problem.ts';
import { HttpClient, sessionClient, type HttpApp } from './support/http-client.ts';
import { onTestFinished } from 'vitest';

const sys = systemCtx('log http test');
const b64 = (s: string) => Buffer.from(s, 'base64');

interface Harness {
  services: Services;
  app: HttpApp;
  org: Org;
  as(person: PersonKey): Promise<HttpClient>;
  anonymous(): HttpClient;
  /** The ids of the test's own entries, by where they lie. */
  ids: { kyomu: string; tosho: string; nagaoka: string; nowhere: string };
}

/** The organisation with the 総括管理者 and 監査責任者 appointed, and one entry in each place, sequenced. */
async function harness(kind: DatabaseKind): Promise<Harness> {
  const services = await testServices(kind);
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'audit_officer', 'auditor');
  const app = await createHttpApp(services, { ready: true });
  onTestFinished(() => app.close());
  const { ledger, database } = services;
  const { units, sections } = org;
  await ledger.access(sys, {
    type: 'test.kyomu_read',
    unitId: units.tokyo,
    sectionId: sections.tokyoKyomu,
    purpose: 'staff_administration',
    subjectType: 'file',
    subjectId: null,
    records: ['student-1', 'student-2'],
    outcome: 'ok',
  });
  const audit = (type: string, unitId: string | null, sectionId: string | null) =>
    database.transaction((tx) =>
      ledger.audit(tx, sys, {
        type,
        subjectType: 'test',
        subjectId: null,
        unitId,
        sectionId,
        data: { n: 1 },
      }),
    );
  await audit('test.tosho_changed', units.tokyo, sections.tokyoTosho);
  await audit('test.nagaoka_changed', units.nagaoka, sections.nagaokaKyomu);
  await audit('test.nowhere_changed', null, null);
  const idOf = async (type: string) => (await ledger.list(database.db, { type, limit: 1 }))[0]!.id;
  const ids = {
    kyomu: await idOf('test.kyomu_read'),
    tosho: await idOf('test.tosho_changed'),
    nagaoka: await idOf('test.nagaoka_changed'),
    nowhere: await idOf('test.nowhere_changed'),
  };
  await ledger.sequence();
  return {
    services,
    app,
    org,
    ids,
    anonymous: () => new HttpClient(app),
    as: (person) => sessionClient(app, services, org.people[person]),
  };
}

const listOf = async (client: HttpClient, query = ''): Promise<LogEntryView[]> => {
  const res = await client.get(`/api/log/entries?limit=500${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LogEntryPage>().items;
};

describe.each(databases)('the log explorer and the state of the log (A22) on %s', (kind) => {
  it('A22: each reader lists only the entries of their scope; others are refused', async () => {
    const h = await harness(kind);
    const { ids, org } = h;
    const seen = async (person: PersonKey) => new Set((await listOf(await h.as(person))).map((e) => e.id));

    for (const person of ['auditor', 'director1'] as const) {
      const all = await seen(person);
      for (const id of Object.values(ids)) expect(all.has(id), person).toBe(true);
    }
    const principal = await listOf(await h.as('tokyoPrincipal'));
    expect(principal.every((e) => e.unitId === org.units.tokyo)).toBe(true);
    expect(principal.map((e) => e.id)).toEqual(expect.arrayContaining([ids.kyomu, ids.tosho]));
    expect(principal.map((e) => e.id)).not.toContain(ids.nagaoka);
    expect(principal.map((e) => e.id)).not.toContain(ids.nowhere);

    const manager = await listOf(await h.as('tokyoKyomuHead'));
    expect(manager.every((e) => e.sectionId === org.sections.tokyoKyomu)).toBe(true);
    expect(manager.map((e) => e.id)).toContain(ids.kyomu);
    // Asking for another section does not widen the scope.
    const asked = await listOf(await h.as('tokyoKyomuHead'), `&sectionId=${org.sections.tokyoTosho}`);
    expect(asked).toEqual([]);

    // Names of units and sections come with the entries (the page shows them, never the ids).
    const kyomu = manager.find((e) => e.id === ids.kyomu)!;
    expect(kyomu.kind).toBe('access');
    expect(kyomu.unitName).toBeTruthy();
    expect(kyomu.sectionName).toBeTruthy();
    expect(kyomu.purpose).toBe('staff_administration');

    for (const person of ['tokyoKyomuStaff1', 'sysadmin', 'president'] as const)
      expectProblem(await (await h.as(person)).get('/api/log/entries'), 403, 'auth.forbidden');
    expectProblem(await h.anonymous().get('/api/log/entries'), 401, 'auth.required');
  });

  it('A22: an entry out of the reader’s scope is not found, exactly like one that does not exist', async () => {
    const h = await harness(kind);
    const { ids } = h;
    const manager = await h.as('tokyoKyomuHead');
    expect((await manager.get(`/api/log/entries/${ids.kyomu}`)).statusCode).toBe(200);
    for (const id of [ids.tosho, ids.nagaoka, ids.nowhere, '00000000-0000-4000-8000-000000000000'])
      expectProblem(await manager.get(`/api/log/entries/${id}`), 404, 'log.entry_not_found');
    const principal = await h.as('tokyoPrincipal');
    expect((await principal.get(`/api/log/entries/${ids.tosho}`)).statusCode).toBe(200);
    expectProblem(await principal.get(`/api/log/entries/${ids.nagaoka}`), 404, 'log.entry_not_found');
    const auditor = await h.as('auditor');
    for (const id of Object.values(ids))
      expect((await auditor.get(`/api/log/entries/${id}`)).statusCode).toBe(200);
  });

  it('A22: pages follow each other newest first by `next`, without gaps or repeats; filters narrow them', async () => {
    const h = await harness(kind);
    const auditor = await h.as('auditor');
    const everything = await listOf(auditor);
    expect(everything.length).toBeGreaterThan(5);
    const seqs = everything.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const paged: LogEntryView[] = [];
    let before: number | null = null;
    for (let i = 0; i < 100; i++) {
      const res = await auditor.get(`/api/log/entries?limit=3${before ? `&before=${before}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<LogEntryPage>();
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items);
      if (page.next === null) break;
      expect(page.next).toBe(page.items[page.items.length - 1]!.seq);
      before = page.next;
    }
    // Reading writes nothing to the log here, so the pages are exactly the whole list.
    expect(paged.map((e) => e.id)).toEqual(everything.map((e) => e.id));

    const access = await listOf(auditor, '&kind=access');
    expect(access.length).toBeGreaterThan(0);
    expect(access.every((e) => e.kind === 'access')).toBe(true);
    expect((await listOf(auditor, '&recordId=student-2')).map((e) => e.id)).toEqual([h.ids.kyomu]);
    expect((await listOf(auditor, '&type=test.tosho_changed')).map((e) => e.id)).toEqual([h.ids.tosho]);
    const future = await listOf(auditor, `&from=${encodeURIComponent('2099-01-01T00:00:00.000Z')}`);
    expect(future).toEqual([]);
    expectProblem(await auditor.get('/api/log/entries?limit=0'), 400, 'request.invalid');
    expectProblem(await auditor.get('/api/log/entries?from=yesterday'), 400, 'request.invalid');
  });

  it('A22-2: the detail carries the canonical bytes and an inclusion proof that checks against the signed checkpoint', async () => {
    const h = await harness(kind);
    const auditor = await h.as('auditor');
    const res = await auditor.get(`/api/log/entries/${h.ids.kyomu}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<LogEntryDetailView>();
    expect(detail.entry.id).toBe(h.ids.kyomu);
    expect(detail.payload).toMatchObject({ records: ['student-1', 'student-2'] });
    const proof = detail.proof!;
    expect(proof.leafIndex).toBe(detail.entry.leafIndex);
    // Anyone can recompute the leaf from the bytes, and walk the proof to the root (RFC 9162).
    expect(leafHash(b64(detail.entryBytes)).toString('base64')).toBe(proof.leafHash);
    expect(
      verifyInclusion(
        proof.leafIndex,
        proof.treeSize,
        b64(proof.leafHash),
        proof.proof.map(b64),
        b64(proof.rootHash),
      ),
    ).toBe(true);
    // The bytes are those of the stored row.
    const row = await h.services.database.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('id', '=', h.ids.kyomu)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(entryBytes(row)).toString('base64')).toBe(detail.entryBytes);
    // The root is the one of a checkpoint signed by the published key.
    const key = (await h.anonymous().get('/log/key')).body.trim();
    const cp = parseCheckpointText(openNote(proof.checkpoint, parseVerifierKey(key)));
    expect(cp.treeSize).toBe(proof.treeSize);
    expect(cp.rootHash.toString('base64')).toBe(proof.rootHash);
    // A changed byte no longer hashes to the leaf.
    const bent = b64(detail.entryBytes);
    bent.writeUInt8(bent.readUInt8(bent.length - 1) ^ 1, bent.length - 1);
    expect(leafHash(bent).toString('base64')).not.toBe(proof.leafHash);

    // An entry the sequencer has not placed yet has no proof (the page says 「確定待ち」).
    await h.services.database.transaction((tx) =>
      h.services.ledger.audit(tx, sys, { type: 'test.pending', subjectType: 'test', subjectId: null }),
    );
    const [pending] = await listOf(auditor, '&type=test.pending');
    const later = (await auditor.get(`/api/log/entries/${pending!.id}`)).json<LogEntryDetailView>();
    expect(later.entry.leafIndex).toBeNull();
    expect(later.proof).toBeNull();
  });

  it('A22-2: the state of the log shows the latest checkpoint, pending entries, witnesses and retention', async () => {
    const h = await harness(kind);
    const key = (await h.anonymous().get('/log/key')).body.trim();
    for (const person of ['auditor', 'director1', 'sysadmin', 'tokyoPrincipal', 'tokyoKyomuHead'] as const) {
      const res = await (await h.as(person)).get('/api/log/status');
      expect(res.statusCode, `${person}: ${res.body}`).toBe(200);
    }
    const status = (await (await h.as('auditor')).get('/api/log/status')).json<LogStatusView>();
    expect(status.verifierKey).toBe(key);
    expect(status.latest).not.toBeNull();
    const cp = parseCheckpointText(openNote(status.latest!.note, parseVerifierKey(key)));
    expect(cp.treeSize).toBe(status.latest!.treeSize);
    expect(cp.rootHash.toString('base64')).toBe(status.latest!.rootHash);
    expect(status.retention).toEqual({ accessDays: 1825, auditDays: 3650 });
    expect(status.writer.failing).toBe(false);
    expect(Array.isArray(status.witnesses)).toBe(true);
    expect(status.lastVerification).toBeNull();
    // Entries written since the checkpoint are pending until the sequencer runs.
    await h.services.database.transaction((tx) =>
      h.services.ledger.audit(tx, sys, { type: 'test.pending', subjectType: 'test', subjectId: null }),
    );
    const now = (await (await h.as('auditor')).get('/api/log/status')).json<LogStatusView>();
    expect(now.pending).toBeGreaterThanOrEqual(1);
    expectProblem(await (await h.as('tokyoKyomuStaff1')).get('/api/log/status'), 403, 'auth.forbidden');
  });

  it('A22-1: retention is at least 365 days, is set by the 総括管理者, and the change is audited with before and after', async () => {
    const h = await harness(kind);
    const director = await h.as('director1');
    expectProblem(
      await director.put('/api/log/retention', { accessDays: 364, auditDays: 3650 }),
      400,
      'request.invalid',
    );
    expectProblem(
      await director.put('/api/log/retention', { accessDays: 1825, auditDays: 36501 }),
      400,
      'request.invalid',
    );
    expectProblem(
      await director.put('/api/log/retention', { accessDays: 1825.5, auditDays: 3650 }),
      400,
      'request.invalid',
    );
    expectProblem(await director.put('/api/log/retention', {}), 400, 'request.invalid');
    expectProblem(
      await (await h.as('auditor')).put('/api/log/retention', { accessDays: 400, auditDays: 4000 }),
      403,
      'auth.forbidden',
    );
    const res = await director.put('/api/log/retention', { accessDays: 400, auditDays: 4000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RetentionView>()).toEqual({ accessDays: 400, auditDays: 4000 });
    const status = (await director.get('/api/log/status')).json<LogStatusView>();
    expect(status.retention).toEqual({ accessDays: 400, auditDays: 4000 });
    const [changed] = await h.services.ledger.list(h.services.database.db, { type: 'log.retention_changed' });
    expect(changed).toMatchObject({ actorId: h.org.people.director1, kind: 'audit' });
    expect(changed!.payload).toMatchObject({
      before: { accessDays: 1825, auditDays: 3650 },
      after: { accessDays: 400, auditDays: 4000 },
    });
    // Pruning (the システム管理者) uses it: nothing in this fresh log is that old.
    const pruned = await (await h.as('sysadmin')).post('/api/log/prune');
    expect(pruned.statusCode, pruned.body).toBe(200);
    expect(pruned.json<PruneResultView>()).toMatchObject({ access: { pruned: 0 }, audit: { pruned: 0 } });
  });

  it('A22-2: verification on demand recomputes the log, is kept for the status page and is audited', async () => {
    const h = await harness(kind);
    const auditor = await h.as('auditor');
    const res = await auditor.post('/api/log/verify');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<VerificationView>();
    expect(v).toMatchObject({ ok: true, problems: [], pending: 0 });
    expect(v.treeSize).toBeGreaterThan(4);
    expect(v.leavesChecked).toBe(v.treeSize);
    expect(v.checkpointsChecked).toBeGreaterThanOrEqual(1);
    expect(v.seconds).toBeGreaterThanOrEqual(0);
    const status = (await auditor.get('/api/log/status')).json<LogStatusView>();
    expect(status.lastVerification).toEqual(v);
    const [audited] = await h.services.ledger.list(h.services.database.db, { type: 'log.verified' });
    expect(audited).toMatchObject({ actorId: h.org.people.auditor, outcome: 'ok' });
    expectProblem(await (await h.as('tokyoKyomuHead')).post('/api/log/verify'), 403, 'auth.forbidden');
  });

  it('A22-2: the checkpoint and the key are public plain text, and the checkpoint opens with the key', async () => {
    const h = await harness(kind);
    const anonymous = h.anonymous();
    const key = await anonymous.get('/log/key');
    expect(key.statusCode).toBe(200);
    expect(key.headers['content-type']).toMatch(/^text\/plain/);
    const cp = await anonymous.get('/log/checkpoint');
    expect(cp.statusCode).toBe(200);
    expect(cp.headers['content-type']).toMatch(/^text\/plain/);
    expect(cp.headers['cache-control']).toBe('no-store');
    const checkpoint = parseCheckpointText(openNote(cp.body, parseVerifierKey(key.body.trim())));
    const latest = await h.services.ledger.latestCheckpoint(h.services.database.db);
    expect(checkpoint.treeSize).toBe(latest!.treeSize);
    expect(checkpoint.origin).toBe(h.services.ledger.origin);
    // Another key does not open it.
    const other = key.body.trim().replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(() => openNote(cp.body, parseVerifierKey(other))).toThrow();
  });
});
