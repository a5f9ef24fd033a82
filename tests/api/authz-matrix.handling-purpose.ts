/**
 * Routes of use and provision outside the purpose (issue 7; A17-2..4, A17の2) in the authorisation
 * matrix (see authz-matrix.kit.ts for the letters). Asking needs a grant on the file (an approval
 * never widens one): here the 保護担当者 of 東京 教務係 holds read on 東京 教務係's file; everyone else
 * gets G. A request is seen by its requester, its decider (the unit's 総括保護管理者) and those over
 * the section (A5, A6; the 総括管理者 and the 監査責任者, A4, A8); only its requester records what was
 * done (the others who see it: D). A17-4's list of a unit is kept by its 総括保護管理者 and seen by
 * the 総括管理者 and the 監査責任者.
 * Scopes: files of 東京 教務係, 長岡 教務係, missing; a request on 東京 教務係's file, missing; units
 * 東京, 長岡, missing.
 */
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { fileAt } from '../support/register-fixture.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import {
  MISSING_ID,
  everyone,
  only,
  sectionOf,
  unitOf,
  type Fixture,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const sys = systemCtx('matrix');
const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'nagaoka', 'missing'];
const ONE_SCOPES: Scope[] = ['tokyoKyomu', 'missing'];
const UNIT_SCOPES: Scope[] = ['tokyo', 'nagaoka', 'missing'];

const files = new WeakMap<Services, Map<Scope, Promise<string>>>();
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
        { name: `行列テスト用目的外ファイル${fx.next()}` },
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
          permissions: ['read'],
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

const body = (fileId: string) => ({
  fileId,
  ground: 'internal_necessary',
  mode: 'use',
  purpose: '行列テスト',
  harmStatement: '行列テスト',
  otherLawsChecked: true,
});

/** A request of 東京 教務係's 保護担当者, approved by 東京's 総括保護管理者 when asked. */
async function requestIn(fx: Fixture, scope: Scope, approved = false): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const r = await fx.services.handling.outOfPurpose.request(
    await fx.org.as('tokyoKyomuStaff2'),
    body(await fileIn(fx, 'tokyoKyomu')),
  );
  if (approved) {
    const chief = await fx.org.as('tokyoPrincipal');
    await fx.services.approvals.approvals.decide(chief, r.id, {
      decision: 'approve',
      comment: '',
      revision: 1,
    });
  }
  return r.id;
}

const SEES = only('NN', {
  tokyoKyomuOfficer: 'AN',
  tokyoKyomuManager: 'AN',
  tokyoChief: 'AN',
  chiefManager: 'AN',
  auditOfficer: 'AN',
});

export const HANDLING_PURPOSE_ROUTES: RouteEntry[] = [
  {
    method: 'POST',
    path: '/api/handling/out-of-purpose',
    access: 'protected',
    cases: [
      {
        scopes: FILE_SCOPES,
        expect: only('GGN', { tokyoKyomuOfficer: 'AGN' }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: '/api/handling/out-of-purpose',
          body: body(await fileIn(fx, scope)),
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/out-of-purpose',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/out-of-purpose?box=managed' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/out-of-purpose/:id',
    access: 'protected',
    cases: [
      {
        scopes: ONE_SCOPES,
        expect: SEES,
        request: async (fx, scope) => ({
          method: 'GET',
          url: `/api/handling/out-of-purpose/${await requestIn(fx, scope)}`,
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/handling/out-of-purpose/:id/done',
    access: 'protected',
    cases: [
      {
        scopes: ONE_SCOPES,
        expect: only('NN', {
          tokyoKyomuOfficer: 'AN',
          tokyoKyomuManager: 'DN',
          tokyoChief: 'DN',
          chiefManager: 'DN',
          auditOfficer: 'DN',
        }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/handling/out-of-purpose/${await requestIn(fx, scope, true)}/done`,
          body: { records: 1, doneOn: '2026-11-30' },
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/restrictions/:unitId',
    access: 'protected',
    cases: [
      {
        scopes: UNIT_SCOPES,
        expect: only('DDD', { tokyoChief: 'ADD', chiefManager: 'AAN', auditOfficer: 'AAN' }),
        request: (fx, scope) => ({ method: 'GET', url: `/api/handling/restrictions/${unitOf(fx, scope)}` }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/handling/restrictions/:unitId',
    access: 'protected',
    cases: [
      {
        scopes: UNIT_SCOPES,
        expect: only('DDD', { tokyoChief: 'ADD' }),
        request: (fx, scope) => ({
          method: 'PUT',
          url: `/api/handling/restrictions/${unitOf(fx, scope)}`,
          body: { personIds: [], reason: '行列テスト' },
        }),
      },
    ],
  },
];
