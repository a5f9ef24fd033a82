/**
 * Routes of the vault (issue 6) in the authorisation matrix. Keeping a file (opening it, settings,
 * schema, grants) follows the register's owners: the section's 保護管理者 and the unit's 総括保護管理者
 * manage, the 総括管理者 and the 監査責任者 oversee grants (A4, A6, A8, A11-1). Records are reached only
 * through a grant (A11-2): here the 保護担当者 of 東京 教務係 holds one on 東京 教務係's file, nobody on
 * 長岡's; everyone else is refused with vault.no_grant (G), and the refusal is logged.
 * Scopes: the file of 東京 教務係, of 東京 図書係, of 長岡 教務係, and a missing one.
 */
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { fileAt } from '../support/register-fixture.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import {
  everyone,
  MISSING_ID,
  only,
  sectionOf,
  unitOf,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const sys = systemCtx('matrix');
const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const RECORD_SCOPES: Scope[] = ['tokyoKyomu', 'nagaoka', 'missing'];
const purpose = 'enrolment';

/** A registered file of the scope's section, not yet in the vault. */
const registeredIn = (fx: Fixture, scope: Scope) =>
  fileAt(fx.services, { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) }, 'registered', {
    name: `行列テスト用保管ファイル${fx.next()}`,
  });

const openInput = {
  fields: STUDENT_FIELDS,
  purposes: STUDENT_PURPOSES,
  important: true,
  keyField: 'student_number',
  scopeField: 'class',
};

const opened = new WeakMap<Services, Map<Scope, Promise<string>>>();
/**
 * The scope's file in the vault (one per scope and run; important, so new entries wait for a check);
 * 東京 教務係's 保護担当者 holds a grant with every permission on 東京 教務係's.
 */
function vaultFileIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let byScope = opened.get(fx.services);
  if (!byScope) opened.set(fx.services, (byScope = new Map<Scope, Promise<string>>()));
  let file = byScope.get(scope);
  if (!file) {
    file = (async () => {
      const id = await registeredIn(fx, scope);
      await fx.services.vault.files.open(sys, id, openInput);
      if (scope === 'tokyoKyomu')
        await fx.services.vault.grants.grant(sys, id, {
          personId: fx.org.people.tokyoKyomuStaff2,
          permissions: ['read', 'reveal', 'create', 'update', 'export', 'verify'],
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

/** A new record of the scope's file (pending its check) and the change that awaits it. */
async function recordIn(
  fx: Fixture,
  scope: Scope,
): Promise<{ fileId: string; recordId: string; changeId: string }> {
  const fileId = await vaultFileIn(fx, scope);
  if (scope === 'missing') return { fileId, recordId: MISSING_ID, changeId: MISSING_ID };
  const { id } = await fx.services.vault.records.create(sys, fileId, {
    purpose,
    values: {
      student_number: `M${fx.next()}`,
      name: '行列 太郎',
      class: '情報工学科3年',
      health: '架空の所見',
    },
  });
  const change = await fx.services.database.db
    .selectFrom('vault_changes')
    .select('id')
    .where('record_id', '=', id)
    .executeTakeFirstOrThrow();
  return { fileId, recordId: id, changeId: change.id };
}

/** A live grant on the scope's file for a person who is no actor (made again once revoked). */
async function grantIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const fileId = await vaultFileIn(fx, scope);
  const live = await fx.services.database.db
    .selectFrom('vault_grants')
    .select('id')
    .where('file_id', '=', fileId)
    .where('person_id', '=', fx.org.people.tokyoToshoHead)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (live) return live.id;
  return (
    await fx.services.vault.grants.grant(sys, fileId, {
      personId: fx.org.people.tokyoToshoHead,
      permissions: ['read'],
      validFrom: '2026-04-01',
      validUntil: '2027-03-31',
      reason: '行列テスト',
    })
  ).id;
}

const MANAGERS = only('DDDD', { tokyoChief: 'AADN', tokyoKyomuManager: 'ADDN' });
const OVERSEERS = only('DDDD', {
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AADN',
  tokyoKyomuManager: 'ADDN',
});
const GRANTED = only('GGN', { tokyoKyomuOfficer: 'AGN' });

const onFile = (
  method: Method,
  suffix: string,
  expect: Record<string, string>,
  body?: (fx: Fixture) => unknown,
  fileOf: (fx: Fixture, scope: Scope) => Promise<string> = vaultFileIn,
): RouteEntry => ({
  method,
  path: `/api/vault/files/:fileId${suffix.split('?')[0]}`,
  access: 'protected',
  cases: [
    {
      scopes: FILE_SCOPES,
      expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/vault/files/${await fileOf(fx, scope)}${suffix}`,
        ...(body ? { body: body(fx) } : {}),
      }),
    },
  ],
});

const onRecords = (
  method: Method,
  suffix: string,
  body?: (fx: Fixture) => unknown,
  expect: Record<string, string> = GRANTED,
): RouteEntry => ({
  method,
  path: `/api/vault/files/:fileId${suffix
    .split('?')[0]!
    .replace(/RECORD/, ':recordId')
    .replace(/CHANGE/, ':changeId')}`,
  access: 'protected',
  cases: [
    {
      scopes: RECORD_SCOPES,
      expect,
      request: async (fx, scope) => {
        const needsRecord = suffix.includes('RECORD') || suffix.includes('CHANGE');
        const r = needsRecord
          ? await recordIn(fx, scope)
          : { fileId: await vaultFileIn(fx, scope), recordId: '', changeId: '' };
        return {
          method,
          url: `/api/vault/files/${r.fileId}${suffix.replace('RECORD', r.recordId).replace('CHANGE', r.changeId)}`,
          ...(body ? { body: body(fx) } : {}),
        };
      },
    },
  ],
});

const onGrant = (action: string, body?: unknown): RouteEntry => ({
  method: 'POST',
  path: `/api/vault/grants/:grantId/${action}`,
  access: 'protected',
  cases: [
    {
      scopes: FILE_SCOPES,
      expect: MANAGERS,
      request: async (fx, scope) => ({
        method: 'POST',
        url: `/api/vault/grants/${await grantIn(fx, scope)}/${action}`,
        ...(body ? { body } : {}),
      }),
    },
  ],
});

export const VAULT_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/vault/files',
    access: 'protected',
    note: 'each person gets the files they hold a grant on, manage or oversee (tests/api/vault-records.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/vault/files' }),
      },
    ],
  },
  onFile(
    'GET',
    '',
    only('GGGN', {
      chiefManager: 'AAAN',
      auditOfficer: 'AAAN',
      tokyoChief: 'AAGN',
      tokyoKyomuManager: 'AGGN',
      tokyoKyomuOfficer: 'AGGN',
    }),
  ),
  onFile('GET', '/proposal', MANAGERS, undefined, (fx, scope) =>
    scope === 'missing' ? Promise.resolve(MISSING_ID) : registeredIn(fx, scope),
  ),
  onFile(
    'POST',
    '',
    MANAGERS,
    () => openInput,
    (fx, scope) => (scope === 'missing' ? Promise.resolve(MISSING_ID) : registeredIn(fx, scope)),
  ),
  onFile('PUT', '/settings', MANAGERS, () => ({
    purposes: STUDENT_PURPOSES,
    important: true,
    keyField: 'student_number',
    scopeField: 'class',
  })),
  onFile('POST', '/schema', MANAGERS, () => ({ fields: STUDENT_FIELDS })),
  onFile('GET', '/grants', OVERSEERS),
  onFile('POST', '/grants', MANAGERS, (fx) => ({
    personId: fx.org.people.tokyoToshoHead,
    permissions: ['read'],
    validFrom: '2026-04-01',
    validUntil: '2027-03-31',
    reason: '行列テストの付与',
  })),
  onGrant('review'),
  onGrant('revoke', { reason: '行列テストの取消し' }),
  onRecords('GET', `/records?purpose=${purpose}`),
  onRecords('POST', '/records/search', () => ({ purpose, field: 'student_number', value: 'M1' })),
  onRecords('POST', '/records', (fx) => ({
    purpose,
    values: { student_number: `N${fx.next()}`, name: '行列 花子' },
  })),
  onRecords('GET', `/records/RECORD?purpose=${purpose}`),
  onRecords('PUT', '/records/RECORD', () => ({ purpose, values: { name: '行列 次郎' } })),
  onRecords('POST', '/records/RECORD/reveal', () => ({ purpose, fields: ['health'] })),
  onRecords('GET', `/export.csv?purpose=${purpose}`),
  onRecords('GET', `/changes?purpose=${purpose}`),
  ...(['/import/preview', '/import'] as const).map((suffix): RouteEntry => ({
    method: 'POST',
    path: `/api/vault/files/:fileId${suffix}`,
    access: 'protected',
    note: 'the import is a create: a grant with create (its rules: tests/api/vault-import*.test.ts)',
    cases: [
      {
        scopes: RECORD_SCOPES,
        expect: GRANTED,
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/vault/files/${await vaultFileIn(fx, scope)}${suffix}`,
          // The import proper with a digest of nothing previewed: the grant holder gets 409 import_stale.
          csv: {
            content: `学生番号,氏名\r\nI${fx.next()},取込 太郎\r\n`,
            fields: { purpose, ...(suffix === '/import' ? { digest: 'not-previewed' } : {}) },
          },
        }),
      },
    ],
  })),
  {
    method: 'GET',
    path: '/api/vault/imports/:importId',
    access: 'protected',
    note: 'only the person who started an import sees its progress; anyone else gets 404 (tests/api/vault-import-http.test.ts)',
    cases: [
      {
        scopes: ['missing'],
        expect: everyone('N'),
        request: () => ({ method: 'GET', url: `/api/vault/imports/${MISSING_ID}` }),
      },
    ],
  },
  onRecords('POST', '/changes/CHANGE/verify', () => ({ purpose })),
  onRecords('POST', '/changes/CHANGE/reject', () => ({
    purpose,
    reason: '原本と一致しないため（行列テスト）',
  })),
];
