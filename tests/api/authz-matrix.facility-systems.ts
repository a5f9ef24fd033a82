/**
 * Routes of facilities — information systems (issue 11; A23, A24, A28) in the authorisation matrix
 * (see authz-matrix.kit.ts for the letters).
 * - A system belongs to its owning section. Its 保護管理者 keeps it: edits it, records checks of its
 *   safeguards, uploads and disposes of design documents. The システム管理者 reads every system and
 *   records checks of any. The unit's 総括保護管理者, the section's 保護担当者, the 総括管理者 and the
 *   監査責任者 read; staff (even of the section) and the 理事長 get 404.
 * - A28: design documents are listed, downloaded and their download history read only by the keeper,
 *   the システム管理者, the 監査責任者 and the unit's 総括保護管理者; other readers get 403 (audited).
 * Scopes: a system of 東京 教務係, of 東京 図書係 (kept by 図書係's head), of 長岡 教務係 (kept by its
 * head), a missing one — each with a safeguard and two design documents (one to download, one to
 * dispose of), built once per run by its keeper over HTTP. Allowed writes that find the object in
 * another state (a document already disposed of: 410) still count as allowed.
 */
import type { DesignDocumentView, SystemInput, SystemView } from '../../shared/api/facility-systems.ts';
import { sectionIn } from '../support/provision-scene.ts';
import { PDF } from '../support/provision-fixture.ts';
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
import { keeperIn, ok, onceMemo } from './authz-matrix.facility-kit.ts';
import { multipart } from './support/http-client.ts';

const S = '/api/facilities/systems';
const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const PDF_TEXT = PDF.toString('latin1');

// Letters over [東京 教務係, 東京 図書係, 長岡, missing].
const READERS = only('NNNN', {
  sysadmin: 'AAAN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
});
const KEEPERS = only('NNNN', {
  sysadmin: 'DDDN',
  chiefManager: 'DDDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'DDNN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'DNNN',
});
const CHECKERS = { ...KEEPERS, sysadmin: 'AAAN' };
/** A28: design documents. */
const DOCUMENT_READERS = { ...KEEPERS, sysadmin: 'AAAN', auditOfficer: 'AAAN', tokyoChief: 'AANN' };

const once = onceMemo();

const systemBody = (sectionId: string, name = '行列テスト用システム'): SystemInput => ({
  sectionId,
  name,
  purpose: '行列テスト',
  hosting: 'on_premises',
  fileIds: [],
  measures: [{ kind: 'patching', description: '行列テスト' }],
});

/** The scope's system with a safeguard and two design documents; MISSING_ID everywhere for 'missing'. */
function systemIn(fx: Fixture, scope: Scope) {
  if (scope === 'missing')
    return Promise.resolve({
      id: MISSING_ID,
      measureId: MISSING_ID,
      documentId: MISSING_ID,
      disposeId: MISSING_ID,
    });
  return once(fx, `facility-system:${scope}`, async () => {
    const by = await keeperIn(fx, scope);
    const system = ok<SystemView>(await by.post(S, systemBody(sectionIn(fx, scope))), `system ${scope}`);
    const upload = async () => {
      const form = multipart({ filename: 'design.pdf', content: PDF, type: 'application/pdf' });
      const res = await by.request('POST', `${S}/${system.id}/documents`, undefined, {
        payload: form.payload,
        headers: form.headers,
      });
      return ok<DesignDocumentView>(res, `document ${scope}`).id;
    };
    return {
      id: system.id,
      measureId: system.measures[0]!.id,
      documentId: await upload(),
      disposeId: await upload(),
    };
  });
}

type Build = (fx: Fixture, scope: Scope) => Promise<Req>;
/** A protected route's entry over `scopes`. */
const over =
  (scopes: Scope[]) =>
  (method: Method, path: string, expect: Record<SignedInActor, string>, request: Build): RouteEntry => ({
    method,
    path,
    access: 'protected',
    cases: [{ scopes, expect, request }],
  });
const entry = over(SCOPES);
type Scene = Awaited<ReturnType<typeof systemIn>>;
const onSystem = (
  method: Method,
  suffix: string,
  expect: Record<SignedInActor, string>,
  url: (s: Scene) => string,
  body?: (s: Scene) => unknown,
) =>
  entry(method, `${S}/:id${suffix}`, expect, async (fx, scope) => {
    const s = await systemIn(fx, scope);
    return { method, url: url(s), ...(body ? { body: body(s) } : {}) };
  });
/** Routes of no one system (the list, options, registering): one scope is enough. */
const none = over(['tokyoKyomu']);

export const FACILITY_SYSTEMS_ROUTES: RouteEntry[] = [
  none('GET', S, everyone('A'), () => Promise.resolve({ method: 'GET', url: S })),
  none('GET', `${S}/options`, everyone('A'), () => Promise.resolve({ method: 'GET', url: `${S}/options` })),
  none('POST', S, only('D', { tokyoKyomuManager: 'A' }), (fx) =>
    Promise.resolve({
      method: 'POST',
      url: S,
      body: systemBody(fx.org.sections.tokyoKyomu, `行列テスト${fx.next()}`),
    }),
  ),
  onSystem('GET', '', READERS, (s) => `${S}/${s.id}`),
  // The safeguard is kept (the check route below needs it).
  onSystem(
    'PUT',
    '',
    KEEPERS,
    (s) => `${S}/${s.id}`,
    (s) => ({
      ...(({ sectionId: _, ...rest }) => rest)(systemBody(MISSING_ID)),
      measures: [{ id: s.measureId, kind: 'patching', description: '行列テスト（改）' }],
      active: true,
    }),
  ),
  onSystem(
    'POST',
    '/measures/:measureId/checks',
    CHECKERS,
    (s) => `${S}/${s.id}/measures/${s.measureId}/checks`,
    () => ({ checkedOn: '2026-11-27', result: 'ok' }),
  ),
  onSystem('GET', '/documents', DOCUMENT_READERS, (s) => `${S}/${s.id}/documents`),
  entry('POST', `${S}/:id/documents`, KEEPERS, async (fx, scope) => ({
    method: 'POST',
    url: `${S}/${(await systemIn(fx, scope)).id}/documents`,
    csv: { content: PDF_TEXT },
  })),
  onSystem(
    'GET',
    '/documents/:documentId/file',
    DOCUMENT_READERS,
    (s) => `${S}/${s.id}/documents/${s.documentId}/file`,
  ),
  onSystem(
    'GET',
    '/documents/:documentId/downloads',
    DOCUMENT_READERS,
    (s) => `${S}/${s.id}/documents/${s.documentId}/downloads`,
  ),
  onSystem(
    'POST',
    '/documents/:documentId/dispose',
    KEEPERS,
    (s) => `${S}/${s.id}/documents/${s.disposeId}/dispose`,
    () => ({ reason: '行列テスト' }),
  ),
];
