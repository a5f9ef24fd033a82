/**
 * Routes of corrections (issue 7, A13) in the authorisation matrix (see authz-matrix.kit.ts for the
 * letters). Reporting and correcting go through the vault's gate: here the 保護担当者 of 東京 教務係
 * holds read, reveal and update on 東京 教務係's file; everyone else gets G. A correction (reported by
 * that 保護担当者) is known to its reporter, to the file's managers (the section's 保護管理者 and the
 * unit's 総括保護管理者, who read its words and values: A6, A13) and to the 総括管理者 and 監査責任者
 * (who oversee, A4, A8, but may not read the words: D); to anyone else it is not found.
 * Scopes: the file (and a record) of 東京 教務係, of 長岡 教務係, missing; a correction of 東京 教務係's
 * file, missing.
 */
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { fileAt } from '../support/register-fixture.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import {
  MISSING_ID,
  only,
  everyone,
  sectionOf,
  unitOf,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

const sys = systemCtx('matrix');
const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'nagaoka', 'missing'];
const ONE_SCOPES: Scope[] = ['tokyoKyomu', 'missing'];
const purpose = 'enrolment';

const files = new WeakMap<Services, Map<Scope, Promise<{ fileId: string; recordId: string }>>>();
/** The scope's file in the vault with one student; 東京 教務係's 保護担当者 works with 東京 教務係's. */
function fileIn(fx: Fixture, scope: Scope): Promise<{ fileId: string; recordId: string }> {
  if (scope === 'missing') return Promise.resolve({ fileId: MISSING_ID, recordId: MISSING_ID });
  let byScope = files.get(fx.services);
  if (!byScope)
    files.set(fx.services, (byScope = new Map<Scope, Promise<{ fileId: string; recordId: string }>>()));
  let file = byScope.get(scope);
  if (!file) {
    file = (async () => {
      const fileId = await fileAt(
        fx.services,
        { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) },
        'registered',
        { name: `行列テスト用訂正ファイル${fx.next()}` },
      );
      await fx.services.vault.files.open(sys, fileId, {
        fields: STUDENT_FIELDS,
        purposes: STUDENT_PURPOSES,
        important: false,
        keyField: 'student_number',
      });
      if (scope === 'tokyoKyomu')
        await fx.services.vault.grants.grant(sys, fileId, {
          personId: fx.org.people.tokyoKyomuStaff2,
          permissions: ['read', 'reveal', 'update'],
          validFrom: '2026-04-01',
          validUntil: '2027-03-31',
          reason: '行列テスト',
        });
      const { id } = await fx.services.vault.records.create(sys, fileId, {
        purpose,
        values: { student_number: `M${fx.next()}`, name: '行列 太郎', phone: '090-0000-0000' },
      });
      return { fileId, recordId: id };
    })();
    byScope.set(scope, file);
  }
  return file;
}

/** A correction reported by 東京 教務係's 保護担当者; instructed by the 保護管理者 when asked. */
async function correctionIn(fx: Fixture, scope: Scope, instructed = false): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const { fileId, recordId } = await fileIn(fx, 'tokyoKyomu');
  const c = await fx.services.handling.corrections.report(await fx.org.as('tokyoKyomuStaff2'), {
    fileId,
    recordId,
    purpose,
    fields: ['phone'],
    description: '行列テスト',
  });
  if (instructed) {
    const head = await fx.org.as('tokyoKyomuHead');
    const req = await fx.services.approvals.approvals.get(head, c.requestId!);
    await fx.services.approvals.approvals.decide(head, c.requestId!, {
      decision: 'approve',
      comment: '',
      revision: req.revision,
    });
  }
  return c.id;
}

const shared = new WeakMap<Services, Promise<string>>();
const sharedCorrection = (fx: Fixture) => {
  let c = shared.get(fx.services);
  if (!c) shared.set(fx.services, (c = correctionIn(fx, 'tokyoKyomu')));
  return c;
};

const onCorrection = (method: Method, suffix: string, expect: Record<SignedInActor, string>): RouteEntry => ({
  method,
  path: `/api/handling/corrections/:id${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: ONE_SCOPES,
      expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/handling/corrections/${scope === 'missing' ? MISSING_ID : await sharedCorrection(fx)}${suffix}`,
      }),
    },
  ],
});

/** Who knows of a correction and may read its words: the reporter and the file's managers. */
const KNOWN = only('NN', {
  tokyoKyomuOfficer: 'AN',
  tokyoKyomuManager: 'AN',
  tokyoChief: 'AN',
  chiefManager: 'AN',
  auditOfficer: 'AN',
});
const READS = only('NN', {
  tokyoKyomuOfficer: 'AN',
  tokyoKyomuManager: 'AN',
  tokyoChief: 'AN',
  chiefManager: 'DN',
  auditOfficer: 'DN',
});

export const HANDLING_CORRECTION_ROUTES: RouteEntry[] = [
  {
    method: 'POST',
    path: '/api/handling/corrections',
    access: 'protected',
    cases: [
      {
        scopes: FILE_SCOPES,
        expect: only('GGN', { tokyoKyomuOfficer: 'AGN' }),
        request: async (fx, scope) => {
          const { fileId, recordId } = await fileIn(fx, scope);
          return {
            method: 'POST',
            url: '/api/handling/corrections',
            body: { fileId, recordId, purpose, fields: ['phone'], description: '行列テスト' },
          };
        },
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/corrections',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/corrections?box=managed' }),
      },
    ],
  },
  onCorrection('GET', '', KNOWN),
  onCorrection('GET', '/report', READS),
  // Not yet corrected: those who may read it answer 409 (nothing sealed yet), the others D or N.
  onCorrection('GET', '/change', READS),
  {
    method: 'POST',
    path: '/api/handling/corrections/:id/apply',
    access: 'protected',
    note: 'Only a person with the update permission corrects, whoever instructed it (ADR 0008 §6).',
    cases: [
      {
        scopes: ONE_SCOPES,
        expect: only('NN', {
          tokyoKyomuOfficer: 'AN',
          tokyoKyomuManager: 'GN',
          tokyoChief: 'GN',
          chiefManager: 'GN',
          auditOfficer: 'GN',
        }),
        request: async (fx, scope) => {
          const id = await correctionIn(fx, scope, true);
          const c =
            scope === 'missing'
              ? null
              : await fx.services.database.db
                  .selectFrom('handling_corrections')
                  .select('request_id')
                  .where('id', '=', id)
                  .executeTakeFirstOrThrow();
          return {
            method: 'POST',
            url: `/api/handling/corrections/${id}/apply`,
            body: {
              requestId: c?.request_id ?? MISSING_ID,
              purpose,
              values: {
                phone: `090-1${String(fx.next()).padStart(3, '0').slice(-3)}-${String(fx.next()).padStart(4, '0').slice(-4)}`,
              },
            },
          };
        },
      },
    ],
  },
];
