/**
 * Routes of the register of media (A14) and of movements (A12(2), A12(3)) in the authorisation
 * matrix (see authz-matrix.kit.ts for the letters).
 * - Media are kept by their section: its people (here 清水, the staff actor), its 保護担当者 and its
 *   保護管理者 register them and change their place; the unit's 総括保護管理者, the 総括管理者 and the
 *   監査責任者 only read them (movements.policy.ts).
 * - Asking for and recording a movement needs a grant with `transmit` / `take_out` on the file
 *   (A11-2): the 保護担当者 of 東京 教務係 holds one on 東京 教務係's file here, nobody else (G).
 * - A movement is seen by its requester and by the section's 保護管理者, the unit's 総括保護管理者
 *   and the overseers; carried out only by its requester (to anyone else: 404); returned by its
 *   holder or those who keep the section's media (others who see it: D).
 * Scopes: media and files of 東京 教務係, 東京 図書係, 長岡 教務係, a missing one; movements of
 * 東京 教務係 (asked by the 保護担当者), of 長岡 教務係 (asked by 長岡's staff), a missing one.
 */
import type { Services } from '../../server/app.ts';
import type { MovementInput } from '../../shared/api/handling-movements.ts';
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
const MEDIUM_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const MOVEMENT_SCOPES: Scope[] = ['tokyoKyomu', 'nagaoka', 'missing'];

/** Memoised per run: the scope's file opened in the vault (and granted), its medium, its movement. */
const memo = new WeakMap<Services, Map<string, Promise<string>>>();
function once(fx: Fixture, key: string, make: () => Promise<string>): Promise<string> {
  let byKey = memo.get(fx.services);
  if (!byKey) memo.set(fx.services, (byKey = new Map<string, Promise<string>>()));
  let value = byKey.get(key);
  if (!value) byKey.set(key, (value = make()));
  return value;
}

/** The scope's file, in the vault; 東京 教務係's 保護担当者 and 長岡's staff may transmit and take out. */
function fileIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  return once(fx, `file:${scope}`, async () => {
    const id = await fileAt(
      fx.services,
      { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) },
      'registered',
      { name: `行列テスト用送信ファイル${fx.next()}` },
    );
    await fx.services.vault.files.open(sys, id, {
      fields: STUDENT_FIELDS,
      purposes: STUDENT_PURPOSES,
      important: false,
      keyField: 'student_number',
    });
    const holder = scope === 'tokyoKyomu' ? 'tokyoKyomuStaff2' : scope === 'nagaoka' ? 'nagaokaStaff' : null;
    if (holder)
      await fx.services.vault.grants.grant(sys, id, {
        personId: fx.org.people[holder],
        permissions: ['read', 'transmit', 'take_out'],
        validFrom: '2026-04-01',
        validUntil: '2027-03-31',
        reason: '行列テスト',
      });
    return id;
  });
}

function mediumIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  return once(fx, `medium:${scope}`, async () => {
    const medium = await fx.services.handling.movements.media.register(sys, {
      label: `行列テスト USBメモリ No.${fx.next()}`,
      kind: 'usb',
      storagePlace: '施錠キャビネット',
      fileIds: [await fileIn(fx, scope)],
    });
    return medium.id;
  });
}

const transmission = (fileId: string): MovementInput => ({
  kind: 'transmit',
  fileId,
  purpose: 'enrolment',
  recordsCount: 1,
  recordsDescription: '行列テストの集計値',
  recipient: '文部科学省 ○○課',
  means: 'secure_file_transfer',
  plannedAt: '2026-11-30',
  reason: '行列テスト',
});

/** A transmission asked for in the scope (not yet approved) by the grant holder there. */
function movementIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  return once(fx, `movement:${scope}`, async () => {
    const fileId = await fileIn(fx, scope);
    const by = await fx.org.as(scope === 'tokyoKyomu' ? 'tokyoKyomuStaff2' : 'nagaokaStaff');
    return (await fx.services.handling.movements.movements.request(by, transmission(fileId))).id;
  });
}

const KEEPERS = only('DDDN', { staff: 'ADDN', tokyoKyomuManager: 'ADDN', tokyoKyomuOfficer: 'ADDN' });
const MEDIA_READERS = only('DDDN', {
  staff: 'ADDN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AADN',
  tokyoKyomuManager: 'ADDN',
  tokyoKyomuOfficer: 'ADDN',
});
const GRANTED = only('GGN', { tokyoKyomuOfficer: 'AGN' });

const onMedium = (method: Method, expect: Record<string, string>, body?: unknown): RouteEntry => ({
  method,
  path: '/api/handling/media/:mediumId',
  access: 'protected',
  cases: [
    {
      scopes: MEDIUM_SCOPES,
      expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/handling/media/${await mediumIn(fx, scope)}`,
        ...(body ? { body } : {}),
      }),
    },
  ],
});

const onMovement = (
  suffix: string,
  method: Method,
  expect: Record<string, string>,
  body?: unknown,
): RouteEntry => ({
  method,
  path: `/api/handling/movements/:movementId${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: MOVEMENT_SCOPES,
      expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/handling/movements/${await movementIn(fx, scope)}${suffix}`,
        ...(body ? { body } : {}),
      }),
    },
  ],
});

const onFileBody = (path: string, expect: Record<string, string>): RouteEntry => ({
  method: 'POST',
  path,
  access: 'protected',
  cases: [
    {
      scopes: MOVEMENT_SCOPES,
      expect,
      request: async (fx, scope) => ({
        method: 'POST',
        url: path,
        body: transmission(await fileIn(fx, scope)),
      }),
    },
  ],
});

export const HANDLING_MOVEMENTS_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/handling/media',
    access: 'protected',
    note: 'each person gets the media of their section, of the sections they manage, or all they oversee (tests/api/handling-movements.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/media' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/handling/media',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: only('DDD', { staff: 'ADD', tokyoKyomuManager: 'ADD', tokyoKyomuOfficer: 'ADD' }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: '/api/handling/media',
          body: {
            label: `行列テスト 外付けディスク No.${fx.next()}`,
            kind: 'external_disk',
            storagePlace: '施錠キャビネット',
            fileIds: [await fileIn(fx, scope)],
          },
        }),
      },
    ],
  },
  onMedium('GET', MEDIA_READERS),
  onMedium('PUT', KEEPERS, { storagePlace: '施錠キャビネットB', reason: '行列テスト' }),
  {
    method: 'GET',
    path: '/api/handling/movements',
    access: 'protected',
    note: 'each person gets their own movements and those of the sections they oversee (tests/api/handling-movements.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/handling/movements?box=all' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/handling/movements/form',
    access: 'protected',
    cases: [
      {
        scopes: MOVEMENT_SCOPES,
        expect: GRANTED,
        request: async (fx, scope) => ({
          method: 'GET',
          url: `/api/handling/movements/form?fileId=${await fileIn(fx, scope)}&kind=take_out`,
        }),
      },
    ],
  },
  onFileBody('/api/handling/movements/requests', GRANTED),
  onFileBody('/api/handling/movements', GRANTED),
  onMovement(
    '',
    'GET',
    only('NNN', {
      chiefManager: 'AAN',
      auditOfficer: 'AAN',
      tokyoChief: 'ANN',
      tokyoKyomuManager: 'ANN',
      tokyoKyomuOfficer: 'ANN',
    }),
  ),
  // Not approved yet: its requester gets 409 approval.not_approved (allowed through); others 404.
  onMovement('/out', 'POST', only('NNN', { tokyoKyomuOfficer: 'ANN' })),
  // A transmission has no medium to return: those who may return get 409 handling.movement_not_out.
  onMovement(
    '/return',
    'POST',
    only('NNN', {
      staff: 'ANN',
      chiefManager: 'DDN',
      auditOfficer: 'DDN',
      tokyoChief: 'DNN',
      tokyoKyomuManager: 'ANN',
      tokyoKyomuOfficer: 'ANN',
    }),
    { storagePlace: '施錠キャビネットA' },
  ),
];
