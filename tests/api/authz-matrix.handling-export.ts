/**
 * Routes of copies (issue 7; A12(1), A24の2) in the authorisation matrix (see authz-matrix.kit.ts for
 * the letters). Asking for and making a copy go through the vault's gate: only a grant with `export`
 * lets them through (here the 保護担当者 of 東京 教務係 holds one on 東京 教務係's file; everyone else
 * gets G). A copy itself is seen by its holder and the managers over its file (A5, A6; the 総括管理者
 * and the 監査責任者 too, A4, A8); only its holder downloads, deletes or confirms it — anyone else 404.
 * Scopes of files: 東京 教務係, 東京 図書係, 長岡 教務係, missing; of copies: the actor's own, another
 * person's copy of 東京 教務係's file, missing. The matrix's files hold no records, so an allowed act
 * answers 422 handling.export_empty and writes nothing to disk; the copies are rows already deleted
 * (their download answers 410), so no archive is needed.
 */
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { newTimeOrderedId } from '../../server/platform/ids.ts';
import { fileAt } from '../support/register-fixture.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import {
  ACTORS,
  everyone,
  MISSING_ID,
  only,
  sectionOf,
  unitOf,
  type Actor,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const sys = systemCtx('matrix');
const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const COPY_SCOPES: Scope[] = ['own', 'other', 'missing'];
const purpose = 'enrolment';

const files = new WeakMap<Services, Map<Scope, Promise<string>>>();
/** The scope's file in the vault, with no records; 東京 教務係's 保護担当者 may export from 東京 教務係's. */
function fileIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let byScope = files.get(fx.services);
  if (!byScope) files.set(fx.services, (byScope = new Map<Scope, Promise<string>>()));
  let file = byScope.get(scope);
  if (!file) {
    file = (async () => {
      const id = await fileAt(
        fx.services,
        { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) },
        'registered',
        { name: `行列テスト用複製ファイル${fx.next()}` },
      );
      await fx.services.vault.files.open(sys, id, {
        fields: STUDENT_FIELDS,
        purposes: STUDENT_PURPOSES,
        important: false,
        keyField: 'student_number',
      });
      if (scope === 'tokyoKyomu')
        await fx.services.vault.grants.grant(sys, id, {
          personId: fx.org.people.tokyoKyomuStaff2,
          permissions: ['read', 'export'],
          validFrom: '2026-04-01',
          validUntil: '2027-03-31',
          reason: '行列テスト',
        });
      return id;
    })();
    byScope.set(scope, file);
  }
  return file;
}

const spec = (fileId: string) => ({
  fileId,
  purpose,
  fields: ['student_number', 'name'],
  format: 'csv',
  reason: '行列テスト',
});

const requests = new WeakMap<Services, Promise<string>>();
/** One export request on 東京 教務係's file, which the matrix's copies point to. */
function requestOf(fx: Fixture): Promise<string> {
  let req = requests.get(fx.services);
  if (!req) {
    req = (async () => {
      const fileId = await fileIn(fx, 'tokyoKyomu');
      return (
        await fx.services.approvals.approvals.submit(await fx.org.as('tokyoToshoHead'), {
          kind: 'export',
          unitId: fx.org.units.tokyo,
          sectionId: fx.org.sections.tokyoKyomu,
          fileId,
          reason: '行列テスト',
          payload: { purpose, fields: ['student_number'], format: 'csv', days: 7 },
          level: 'protection_manager',
        })
      ).id;
    })();
    requests.set(fx.services, req);
  }
  return req;
}

/** A copy (already deleted from disk) held by the actor ('own') or by someone who is no actor ('other'). */
async function copyIn(fx: Fixture, scope: Scope, actor: Actor): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const person = scope === 'own' ? ACTORS[actor].person : 'tokyoToshoHead';
  if (!person) return MISSING_ID;
  const id = newTimeOrderedId();
  const at = fx.services.clock.now().toISOString();
  await fx.services.database.db
    .insertInto('handling_exports')
    .values({
      id,
      request_id: await requestOf(fx),
      file_id: await fileIn(fx, 'tokyoKyomu'),
      person_id: fx.org.people[person],
      format: 'csv',
      stored_name: null,
      records: 1,
      size: 1,
      sha256: '0'.repeat(64),
      created_at: at,
      expires_at: at,
      deleted_at: at,
      deleted_why: 'expired',
      downloaded_at: null,
      local_deleted_at: null,
    })
    .execute();
  return id;
}

const onCopy = (method: Method, suffix: string, expect: Record<string, string>): RouteEntry => ({
  method,
  path: `/api/handling/exports/:exportId${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: COPY_SCOPES,
      expect,
      request: async (fx, scope, actor) => ({
        method,
        url: `/api/handling/exports/${await copyIn(fx, scope, actor)}${suffix}`,
      }),
    },
  ],
});

const GRANTED = only('GGGN', { tokyoKyomuOfficer: 'AGGN' });
const HOLDER_ONLY = everyone('ANN');

export const HANDLING_EXPORT_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/handling/exports',
    access: 'protected',
    note: 'each person gets their own copies; managers also the outstanding ones of their files (tests/api/handling-export.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/exports' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/exports/options',
    access: 'protected',
    cases: [
      {
        scopes: FILE_SCOPES,
        expect: GRANTED,
        request: async (fx, scope) => ({
          method: 'GET',
          url: `/api/handling/exports/options?fileId=${await fileIn(fx, scope)}`,
        }),
      },
    ],
  },
  ...(['/requests', ''] as const).map((suffix): RouteEntry => ({
    method: 'POST',
    path: `/api/handling/exports${suffix}`,
    access: 'protected',
    note:
      suffix === ''
        ? 'the act on a file whose rules need no approval; with no records it answers 422 handling.export_empty'
        : 'the request goes to the file’s 保護管理者',
    cases: [
      {
        scopes: FILE_SCOPES,
        expect: GRANTED,
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/handling/exports${suffix}`,
          body: spec(await fileIn(fx, scope)),
        }),
      },
    ],
  })),
  onCopy(
    'GET',
    '',
    only('ANN', { chiefManager: 'AAN', auditOfficer: 'AAN', tokyoChief: 'AAN', tokyoKyomuManager: 'AAN' }),
  ),
  onCopy('GET', '/download', HOLDER_ONLY),
  onCopy('POST', '/delete', HOLDER_ONLY),
  onCopy('POST', '/confirm-deleted', HOLDER_ONLY),
];
