/**
 * Routes of facilities — devices and media (issue 11; A14, A30) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters). Scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing]: a device
 * of each section is registered once per run and route by the section's 保護管理者.
 * - The section's 保護管理者 and 保護担当者 keep its register (register, edit, check out and in, record
 *   take-outs and returns, removals, disposal); its members read and ask to take out (A30-2);
 *   anyone who reads a device reports its loss.
 * - The unit's 総括保護管理者 reads the unit's; the 総括管理者, 監査責任者 and システム管理者 read all
 *   (D where they would change); the 理事長 (no section) reads none; anyone else 404.
 * Allowed writes that find the device in another state answer 409, which still counts as allowed.
 */
import type { DeviceDetailView } from '../../shared/api/facility-devices.ts';
import { keeperIn, ok, onceMemo } from './authz-matrix.facility-kit.ts';
import {
  everyone,
  MISSING_ID,
  sectionOf,
  type Fixture,
  type Method,
  type Req,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

const base = '/api/facilities/devices';
const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const once = onceMemo();

export const deviceBody = (sectionId: string, n: number) => ({
  kind: 'usb_memory',
  label: `マトリクス USBメモリ No.${n}`,
  identifier: `MX-${n}`,
  sectionId,
  storagePlace: '施錠キャビネット',
  encryption: 'full_disk',
  encryptionNote: null,
  theftPrevention: '施錠保管',
  fileIds: [],
});

/** A device in store of the scope's section, one per route (`key`), registered by its 保護管理者. */
async function deviceIn(fx: Fixture, scope: Scope, key: string): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, `device:${key}:${scope}`, async () => {
    const by = await keeperIn(fx, scope);
    return ok<DeviceDetailView>(await by.post(base, deviceBody(sectionOf(fx, scope), fx.next())), 'device')
      .device.id;
  });
}

type Letters = Record<SignedInActor, string>;
/** Who reads a device of each scope. */
const READ: Letters = {
  staff: 'ANNN',
  sysadmin: 'AAAN',
  president: 'NNNN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
};
/** Who keeps the register (the section's 保護管理者 and 保護担当者); readers are refused (403). */
const KEEP: Letters = {
  staff: 'DNNN',
  sysadmin: 'DDDN',
  president: 'NNNN',
  chiefManager: 'DDDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'DDNN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
};
/** Who asks for a take-out (members and keepers, A30-2). */
const REQUEST: Letters = { ...KEEP, staff: 'ANNN' };

const onDevice = (
  method: Method,
  suffix: string,
  expect: Letters,
  body?: (fx: Fixture, scope: Scope) => unknown,
): RouteEntry => ({
  method,
  path: `${base}/:id${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: SCOPES,
      expect,
      request: async (fx, scope): Promise<Req> => ({
        method,
        url: `${base}/${await deviceIn(fx, scope, `${method}${suffix}`)}${suffix}`,
        ...(body ? { body: body(fx, scope) } : {}),
      }),
    },
  ],
});

export const FACILITY_DEVICES_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: base,
    access: 'protected',
    cases: [{ scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url: base }) }],
  },
  {
    method: 'POST',
    path: base,
    access: 'protected',
    cases: [
      {
        scopes: SCOPES,
        expect: KEEP,
        request: (fx, scope) => ({
          method: 'POST',
          url: base,
          body: deviceBody(sectionOf(fx, scope), fx.next()),
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: `${base}/bring-ins`,
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: `${base}/bring-ins` }),
      },
    ],
  },
  {
    method: 'POST',
    path: `${base}/bring-ins`,
    access: 'protected',
    note: 'Into the caller’s own section; a caller of no section is answered 422 facilities.device_not_member.',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: (fx) => ({
          method: 'POST',
          url: `${base}/bring-ins`,
          body: {
            kind: 'laptop_pc',
            label: `保守業者 ノートPC ${fx.next()}`,
            identifier: 'S/N X-1',
            ownerDescription: '株式会社サンプル保守',
            purpose: 'システム保守作業',
            from: '2026-12-01',
            until: '2026-12-02',
            storagePlace: '作業場所で常時携行',
            encryption: 'full_disk',
          },
        }),
      },
    ],
  },
  onDevice('GET', '', READ),
  onDevice('PATCH', '', KEEP, () => ({ storagePlace: '書庫B' })),
  onDevice('POST', '/check-out', KEEP, (fx) => ({
    personId: fx.org.people.tokyoKyomuStaff1,
    dueDate: '2026-12-10',
  })),
  onDevice('POST', '/check-in', KEEP, () => ({})),
  onDevice('POST', '/take-outs', REQUEST, () => ({
    destination: '文部科学省 会議室',
    purpose: '説明資料の持参',
    from: '2026-12-01',
    dueBack: '2026-12-02',
  })),
  onDevice('POST', '/take-out', REQUEST, () => ({})),
  onDevice('POST', '/take-back', KEEP, () => ({})),
  onDevice('POST', '/removal', KEEP, () => ({})),
  onDevice('POST', '/lost', READ, () => ({ awareAt: '2026-11-30T09:00:00+09:00', stolen: false })),
  onDevice('POST', '/dispose', KEEP, (fx) => ({
    method: 'physical_destruction',
    witnessId: fx.org.people.tokyoToshoHead,
    disposedOn: '2026-11-30',
  })),
];
