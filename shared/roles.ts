/**
 * The roles of rule 65 (第4–9条, 第7条の2) and the application's own administrator role.
 * Permissions derive from current appointments to these roles, never from a free-form flag (A3–A9).
 */
export const ROLES = [
  'president', // 理事長: appoints 総括管理者 and 監査責任者 (A4, A8)
  'chief_manager', // 総括管理者 (A4)
  'audit_officer', // 監査責任者 (A8)
  'committee_member', // 情報公開・個人情報保護委員会 委員 (A9)
  'chief_protection_manager', // 総括保護管理者 (A5)
  'protection_manager', // 保護管理者 (A6)
  'protection_officer', // 保護担当者 (A7)
  'mynumber_handler', // 特定個人情報取扱担当者 (A7の2)
  'system_administrator', // システム管理者 (not of the rule: keeps the application itself)
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_KINDS = ['organisation', 'unit', 'section'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface RoleRule {
  /** What the role is appointed over. */
  scope: ScopeKind;
  /** Exactly one holder at any time for the scope (A4, A5, A6, A8). */
  singleSeat: boolean;
  /** Roles whose current holder may appoint to this role; the scope relation is checked by the service. */
  appointedBy: readonly Role[];
  /** The holder must be an officer (役員): 総括管理者 is a 理事, 監査責任者 a 監事 (A4, A8). */
  officerOnly: boolean;
  /** Appointments over a section require it to handle held personal information (A6, A7, A7の2). */
  needsHandlingSection: boolean;
  /** The article that creates the role. */
  article: string;
}

export const ROLE_RULES: Record<Role, RoleRule> = {
  president: {
    scope: 'organisation',
    singleSeat: true,
    appointedBy: ['system_administrator'],
    officerOnly: true,
    needsHandlingSection: false,
    article: 'A4',
  },
  chief_manager: {
    scope: 'organisation',
    singleSeat: true,
    appointedBy: ['president'],
    officerOnly: true,
    needsHandlingSection: false,
    article: 'A4',
  },
  audit_officer: {
    scope: 'organisation',
    singleSeat: true,
    appointedBy: ['president'],
    officerOnly: true,
    needsHandlingSection: false,
    article: 'A8',
  },
  committee_member: {
    scope: 'organisation',
    singleSeat: false,
    appointedBy: ['president'],
    officerOnly: false,
    needsHandlingSection: false,
    article: 'A9',
  },
  // A5: 事務局長 at headquarters, 校長 at a college; recorded by the 理事長 or the 総括管理者.
  chief_protection_manager: {
    scope: 'unit',
    singleSeat: true,
    appointedBy: ['president', 'chief_manager'],
    officerOnly: false,
    needsHandlingSection: false,
    article: 'A5',
  },
  // A6: the head of the section (or a deputy), recorded by the unit's 総括保護管理者.
  protection_manager: {
    scope: 'section',
    singleSeat: true,
    appointedBy: ['chief_protection_manager'],
    officerOnly: false,
    needsHandlingSection: true,
    article: 'A6',
  },
  // A7: designated by the section's 保護管理者.
  protection_officer: {
    scope: 'section',
    singleSeat: false,
    appointedBy: ['protection_manager'],
    officerOnly: false,
    needsHandlingSection: true,
    article: 'A7',
  },
  // A7の2: designated by the section's 保護管理者, each with a role and a range of 特定個人情報.
  mynumber_handler: {
    scope: 'section',
    singleSeat: false,
    appointedBy: ['protection_manager'],
    officerOnly: false,
    needsHandlingSection: true,
    article: 'A7の2',
  },
  system_administrator: {
    scope: 'organisation',
    singleSeat: false,
    appointedBy: ['system_administrator'],
    officerOnly: false,
    needsHandlingSection: false,
    article: '—',
  },
};

export const PERSON_KINDS = ['officer', 'staff', 'dispatched'] as const; // 役員 / 教職員 / 派遣労働者 (A2-2, A3)
export type PersonKind = (typeof PERSON_KINDS)[number];

export const UNIT_KINDS = ['headquarters', 'college'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
