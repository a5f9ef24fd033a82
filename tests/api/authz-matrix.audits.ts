/**
 * Routes of audits (issue 10; A36) in the authorisation matrix (see authz-matrix.kit.ts for the letters).
 * - The 監査責任者 plans and runs every audit: A everywhere (a write that finds the audit reported
 *   answers 409, which still counts as allowed).
 * - The 総括管理者 and the 理事長 read all audits and may change none: reads A, writes D.
 * - A unit's 総括保護管理者 reads a reported audit whose scope includes its unit and acknowledges
 *   receipt: 東京's reads 東京's audit (A), writes D; 長岡's audit is not its to see (N).
 * - The owner of a corrective action (東京 教務係's 保護担当者 here) reads that finding and records
 *   its progress; anyone else without a reading role gets 404.
 * Scopes: a reported audit of 東京 (with a finding owned by 東京 教務係's 保護担当者, an answered item
 * and a document), a reported audit of 長岡 (its finding owned by a 長岡 staff member), a missing one —
 * built once per run by the 監査責任者 over HTTP.
 */
import type { AuditView, FindingView } from '../../shared/api/audits.ts';
import type { Services } from '../../server/app.ts';
import { PDF } from '../support/provision-fixture.ts';
import { multipart, type Response } from './support/http-client.ts';
import {
  everyone,
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type Req,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

const SCOPES: Scope[] = ['tokyo', 'nagaoka', 'missing'];
const B = '/api/audits';

// Letters over [東京's audit, 長岡's audit, missing].
const READERS = only('NNN', {
  auditOfficer: 'AAN',
  chiefManager: 'AAN',
  president: 'AAN',
  tokyoChief: 'ANN',
});
const RUNNER = only('NNN', { auditOfficer: 'AAN', chiefManager: 'DDN', president: 'DDN', tokyoChief: 'DNN' });
const FINDING_READERS = { ...READERS, tokyoKyomuOfficer: 'ANN' };
const OWNER_OR_RUNNER = { ...RUNNER, tokyoKyomuOfficer: 'ANN' };
const FINDING_RUNNER = { ...RUNNER, tokyoKyomuOfficer: 'DNN' };
const RECIPIENT = only('NNN', {
  auditOfficer: 'DDN',
  chiefManager: 'DDN',
  president: 'DDN',
  tokyoChief: 'ANN',
});

interface Scene {
  id: string;
  itemId: string;
  findingId: string;
  documentId: string;
  /** The finding's owner (東京 教務係's 保護担当者, or a 長岡 staff member): kept by the edits. */
  ownerId: string;
}
const memo = new WeakMap<Services, Map<string, Promise<Scene>>>();

function ok<T>(res: Response, what: string): T {
  if (res.statusCode >= 300)
    throw new Error(`matrix setup (${what}) answered ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

const planBody = (unitId: string) => ({
  title: '行列テストの監査',
  kind: 'regular',
  unitIds: [unitId],
  articles: [34],
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  plannedStart: '2026-11-30',
  plannedEnd: '2026-12-04',
});
const findingBody = (ownerId: string, itemId: string | null = null) => ({
  itemId,
  severity: 'medium',
  description: '行列テストの指摘',
  action: '行列テストの是正措置',
  ownerId,
  due: '2026-12-31',
});

/** The scope's reported audit, built once per run by the 監査責任者. */
function auditIn(fx: Fixture, scope: Scope): Promise<Scene> {
  if (scope === 'missing')
    return Promise.resolve({
      id: MISSING_ID,
      itemId: MISSING_ID,
      findingId: MISSING_ID,
      documentId: MISSING_ID,
      ownerId: fx.org.people.tokyoKyomuStaff2,
    });
  let byKey = memo.get(fx.services);
  if (!byKey) memo.set(fx.services, (byKey = new Map<string, Promise<Scene>>()));
  let scene = byKey.get(scope);
  if (!scene) byKey.set(scope, (scene = build(fx, scope)));
  return scene;
}

async function build(fx: Fixture, scope: Scope): Promise<Scene> {
  const by = fx.client('auditOfficer');
  const { units, people } = fx.org;
  const unit = scope === 'nagaoka' ? units.nagaoka : units.tokyo;
  const owner = scope === 'nagaoka' ? people.nagaokaStaff : people.tokyoKyomuStaff2;
  const a = ok<AuditView>(await by.post(B, planBody(unit)), 'plan');
  const started = ok<AuditView>(await by.post(`${B}/${a.id}/start`), 'start');
  const itemId = started.checklist[0]!.id;
  ok(await by.put(`${B}/${a.id}/items/${itemId}`, { answer: 'conforms', note: null }), 'answer');
  const form = multipart({ filename: 'document.pdf', content: PDF, type: 'application/pdf' });
  const withDoc = ok<AuditView>(
    await by.request('POST', `${B}/${a.id}/items/${itemId}/documents`, undefined, form),
    'document',
  );
  const f = ok<FindingView>(await by.post(`${B}/${a.id}/findings`, findingBody(owner, itemId)), 'finding');
  ok(await by.post(`${B}/${a.id}/report`), 'report');
  return {
    id: a.id,
    itemId,
    findingId: f.id,
    documentId: withDoc.checklist[0]!.documents[0]!.id,
    ownerId: owner,
  };
}

type Build = (fx: Fixture, s: Scene) => Req | Promise<Req>;
const entry = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: Build,
): RouteEntry => ({
  method,
  path,
  access: 'protected',
  cases: [{ scopes: SCOPES, expect, request: async (fx, scope) => request(fx, await auditIn(fx, scope)) }],
});
const on = (
  method: Method,
  suffix: string,
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture) => unknown,
) =>
  entry(method, `${B}/:id${suffix}`, expect, (fx, s) => ({
    method,
    url: `${B}/${s.id}${suffix}`,
    ...(body ? { body: body(fx) } : {}),
  }));
const onFinding = (
  method: Method,
  suffix: string,
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture, s: Scene) => unknown,
) =>
  entry(method, `${B}/:id/findings/:findingId${suffix}`, expect, (fx, s) => ({
    method,
    url: `${B}/${s.id}/findings/${s.findingId}${suffix}`,
    ...(body ? { body: body(fx, s) } : {}),
  }));
const plain = (
  method: Method,
  url: string,
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture) => unknown,
) =>
  ({
    method,
    path: url,
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect,
        request: (fx: Fixture) => ({ method, url, ...(body ? { body: body(fx) } : {}) }),
      },
    ],
  }) satisfies RouteEntry;

export const AUDITS_ROUTES: RouteEntry[] = [
  plain('GET', B, everyone('A')),
  plain('POST', B, only('D', { auditOfficer: 'A' }), (fx) => planBody(fx.org.units.tokyo)),
  plain('GET', `${B}/my-findings`, everyone('A')),
  on('GET', '', READERS),
  on('PATCH', '', RUNNER, (fx) => planBody(fx.org.units.tokyo)),
  on('POST', '/start', RUNNER),
  entry('PUT', `${B}/:id/items/:itemId`, RUNNER, (_fx, s) => ({
    method: 'PUT',
    url: `${B}/${s.id}/items/${s.itemId}`,
    body: { answer: 'partly', note: '行列テスト' },
  })),
  entry('GET', `${B}/:id/evidence-candidates`, RUNNER, (_fx, s) => ({
    method: 'GET',
    url: `${B}/${s.id}/evidence-candidates?kind=incident`,
  })),
  entry('POST', `${B}/:id/items/:itemId/evidence`, RUNNER, (_fx, s) => ({
    method: 'POST',
    url: `${B}/${s.id}/items/${s.itemId}/evidence`,
    body: { kind: 'incident', ref: MISSING_ID },
  })),
  entry('DELETE', `${B}/:id/items/:itemId/evidence/:evidenceId`, RUNNER, (_fx, s) => ({
    method: 'DELETE',
    url: `${B}/${s.id}/items/${s.itemId}/evidence/${MISSING_ID}`,
  })),
  entry('POST', `${B}/:id/items/:itemId/documents`, RUNNER, (_fx, s) => ({
    method: 'POST',
    url: `${B}/${s.id}/items/${s.itemId}/documents`,
    csv: { content: PDF.toString('latin1') },
  })),
  entry('GET', `${B}/:id/documents/:documentId`, READERS, (_fx, s) => ({
    method: 'GET',
    url: `${B}/${s.id}/documents/${s.documentId}`,
  })),
  on('POST', '/findings', RUNNER, (fx) => findingBody(fx.org.people.tokyoKyomuStaff2)),
  onFinding('GET', '', FINDING_READERS),
  // The edit keeps the scope's owner: 長岡's finding stays out of 東京's 保護担当者's reach.
  onFinding('PATCH', '', FINDING_RUNNER, (_fx, s) => findingBody(s.ownerId)),
  onFinding('POST', '/progress', OWNER_OR_RUNNER, () => ({ note: '行列テストの進捗' })),
  onFinding('POST', '/done', OWNER_OR_RUNNER, () => ({ note: '行列テストの完了' })),
  onFinding('POST', '/confirm', FINDING_RUNNER),
  on('POST', '/report', RUNNER),
  on('GET', '/report.pdf', READERS),
  on('POST', '/acknowledge', RECIPIENT),
  on('POST', '/close', RUNNER),
];
