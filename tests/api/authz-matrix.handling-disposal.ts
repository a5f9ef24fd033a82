/**
 * Routes of issue 7 (handling-disposal, A15) in the authorisation matrix (see authz-matrix.kit.ts for
 * the letters). Asking to dispose passes the vault's gate: a grant with 'dispose' (A11-1) — here
 * 清水 (staff) holds one on 東京 教務係's file, nobody on the others (G). The request form's facts are
 * for those who may ask and those who oversee (the section's 保護管理者, the unit's 総括保護管理者,
 * the 総括管理者 and the 監査責任者); a disposal and its certificate are seen by them and by who did,
 * approved and witnessed it (404 to anyone else). The act itself needs the caller's own approved
 * request: its rules (approval.required, not_requester, not_approved) are in
 * tests/api/handling-disposal*.test.ts; here a missing request answers 404 to everyone.
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
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const sys = systemCtx('matrix');
const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];

const files = new WeakMap<Services, Map<Scope, Promise<{ fileId: string; recordId: string }>>>();
/** The scope's file in the vault with one record; 清水 may dispose in 東京 教務係's. */
function fileIn(fx: Fixture, scope: Scope): Promise<{ fileId: string; recordId: string }> {
  if (scope === 'missing') return Promise.resolve({ fileId: MISSING_ID, recordId: MISSING_ID });
  let byScope = files.get(fx.services);
  if (!byScope)
    files.set(fx.services, (byScope = new Map<Scope, Promise<{ fileId: string; recordId: string }>>()));
  let made = byScope.get(scope);
  if (!made) {
    made = (async () => {
      const fileId = await fileAt(
        fx.services,
        { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) },
        'registered',
        { name: `行列テスト用廃棄ファイル${fx.next()}` },
      );
      await fx.services.vault.files.open(sys, fileId, {
        fields: STUDENT_FIELDS,
        purposes: STUDENT_PURPOSES,
        important: false,
        keyField: 'student_number',
      });
      const { id } = await fx.services.vault.records.create(sys, fileId, {
        purpose: 'enrolment',
        values: { student_number: `Z${fx.next()}`, name: '行列 花子' },
      });
      if (scope === 'tokyoKyomu')
        await fx.services.vault.grants.grant(sys, fileId, {
          personId: fx.org.people.tokyoKyomuStaff1,
          permissions: ['read', 'dispose'],
          validFrom: '2026-04-01',
          validUntil: '2027-03-31',
          reason: '行列テスト',
        });
      return { fileId, recordId: id };
    })();
    byScope.set(scope, made);
  }
  return made;
}

const disposals = new WeakMap<Services, Promise<string>>();
/** A disposal of a record of 東京 教務係's file: asked and done by 清水, approved by 佐藤, witnessed by 木村. */
function disposalIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let made = disposals.get(fx.services);
  if (!made) {
    made = (async () => {
      const { fileId } = await fileIn(fx, 'tokyoKyomu');
      const { id: recordId } = await fx.services.vault.records.create(sys, fileId, {
        purpose: 'enrolment',
        values: { student_number: `Z${fx.next()}`, name: '行列 次郎' },
      });
      const staff = await fx.org.as('tokyoKyomuStaff1');
      const d = fx.services.handling.disposal;
      const req = await d.request(staff, {
        kind: 'dispose_records',
        fileId,
        purpose: 'enrolment',
        recordIds: [recordId],
        witnessId: fx.org.people.kyuyoStaff,
        plannedOn: '2026-12-01',
        reason: '行列テスト',
      });
      await fx.services.approvals.approvals.decide(await fx.org.as('tokyoKyomuHead'), req.id, {
        decision: 'approve',
        comment: '',
        revision: req.revision,
      });
      return (await d.execute(staff, { requestId: req.id, witnessPresent: true })).id;
    })();
    disposals.set(fx.services, made);
  }
  return made;
}

const OVERSEE_FILE = only('DDDN', {
  staff: 'ADDN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AADN',
  tokyoKyomuManager: 'ADDN',
});
const SEE_DISPOSAL = only('NN', {
  staff: 'AN',
  chiefManager: 'AN',
  auditOfficer: 'AN',
  tokyoChief: 'AN',
  tokyoKyomuManager: 'AN',
});

const onDisposal = (suffix: string): RouteEntry => ({
  method: 'GET',
  path: `/api/handling/disposals/:id${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: ['tokyoKyomu', 'missing'],
      expect: SEE_DISPOSAL,
      request: async (fx, scope) => ({
        method: 'GET',
        url: `/api/handling/disposals/${await disposalIn(fx, scope)}${suffix}`,
      }),
    },
  ],
});

export const HANDLING_DISPOSAL_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/handling/disposals',
    access: 'protected',
    note: 'each person gets the disposals they may see (tests/api/handling-disposal.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/disposals' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/disposals/ready',
    access: 'protected',
    note: 'the caller’s own approved disposal requests',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/disposals/ready' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/disposals/files/:fileId',
    access: 'protected',
    cases: [
      {
        scopes: FILE_SCOPES,
        expect: OVERSEE_FILE,
        request: async (fx, scope) => ({
          method: 'GET',
          url: `/api/handling/disposals/files/${(await fileIn(fx, scope)).fileId}`,
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/handling/disposals/requests',
    access: 'protected',
    note: 'asking passes the vault’s gate with the dispose permission (A11-1, A15)',
    cases: [
      {
        scopes: FILE_SCOPES,
        expect: only('GGGN', { staff: 'AGGN' }),
        request: async (fx, scope) => {
          const { fileId, recordId } = await fileIn(fx, scope);
          return {
            method: 'POST',
            url: '/api/handling/disposals/requests',
            body: {
              kind: 'dispose_records',
              fileId,
              purpose: 'enrolment',
              recordIds: [recordId],
              witnessId: fx.org.people.kyuyoStaff,
              plannedOn: '2026-12-01',
              reason: '行列テスト',
            },
          };
        },
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/handling/disposals',
    access: 'protected',
    note: 'only with the caller’s own approved request (tests/api/handling-disposal*.test.ts); a missing one is 404',
    cases: [
      {
        scopes: ['missing'],
        expect: everyone('N'),
        request: () => ({
          method: 'POST',
          url: '/api/handling/disposals',
          body: { requestId: MISSING_ID, witnessPresent: true },
        }),
      },
    ],
  },
  onDisposal(''),
  onDisposal('/certificate'),
];
