/**
 * Routes of compliance (issue 10) in the authorisation matrix (see authz-matrix.kit.ts for the letters).
 * - Reading follows 'Gaps': the 総括管理者, 監査責任者, 理事長 and システム管理者 read every row; the
 *   東京 総括保護管理者 only 東京's (another unit, the row 機構全体 or a missing unit: N); those who
 *   read no gaps at all (staff, 保護管理者, 保護担当者): D.
 * - A snapshot on demand: the 総括管理者 and the システム管理者.
 * Scopes: none (the overview, or the row 機構全体 of a cell), 東京, 本部, 長岡, a missing unit.
 */
import { only, unitOf, type Case, type RouteEntry, type Scope } from './authz-matrix.kit.ts';

const TOP = { sysadmin: 'A', president: 'A', chiefManager: 'A', auditOfficer: 'A' } as const;
const top = (letters: string, chief: string): Case['expect'] =>
  only('D'.repeat(letters.length), {
    sysadmin: letters,
    president: letters,
    chiefManager: letters,
    auditOfficer: letters,
    tokyoChief: chief,
  });
const unitQuery = (fx: Parameters<typeof unitOf>[0], scope: Scope) =>
  scope === 'none' ? '' : `unitId=${unitOf(fx, scope)}&`;

export const COMPLIANCE_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/compliance/overview',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { ...TOP, tokyoChief: 'A' }),
        request: () => ({ method: 'GET', url: '/api/compliance/overview' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/compliance/cells',
    access: 'protected',
    cases: [
      {
        scopes: ['none', 'tokyo', 'hq', 'nagaoka', 'missing'],
        expect: top('AAAAN', 'NANNN'),
        request: (fx, scope) => ({
          method: 'GET',
          url: `/api/compliance/cells?${unitQuery(fx, scope)}family=roles`,
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/compliance/trend',
    access: 'protected',
    cases: [
      {
        scopes: ['none', 'tokyo', 'nagaoka', 'missing'],
        expect: top('AAAN', 'AANN'),
        request: (fx, scope) => ({
          method: 'GET',
          url: `/api/compliance/trend?${unitQuery(fx, scope)}days=30`,
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/compliance/snapshot',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { chiefManager: 'A', sysadmin: 'A' }),
        request: () => ({ method: 'POST', url: '/api/compliance/snapshot' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/compliance/new-gaps',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { ...TOP, tokyoChief: 'A' }),
        request: () => ({ method: 'GET', url: '/api/compliance/new-gaps?since=2026-11-01' }),
      },
    ],
  },
];
