/**
 * The vocabulary of the authorisation matrix (issue 3): actors, scopes, cases and helpers. The routes
 * of the foundation are in authz-matrix.table.ts; each identity area adds its own file
 * (authz-matrix.<area>.ts) whose entries the table spreads in. See the table for the letters.
 */
import type { Services } from '../../server/app.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import type { HttpClient } from './support/http-client.ts';
import type { Org } from '../support/org-fixture.ts';

export const ACTORS = {
  anonymous: { label: '匿名', person: null },
  staff: { label: '職員(役職なし)', person: 'tokyoKyomuStaff1' },
  sysadmin: { label: 'システム管理者', person: 'sysadmin' },
  president: { label: '理事長', person: 'president' },
  chiefManager: { label: '総括管理者', person: 'director1' },
  auditOfficer: { label: '監査責任者', person: 'auditor' },
  tokyoChief: { label: '総括保護管理者(東京)', person: 'tokyoPrincipal' },
  tokyoKyomuManager: { label: '保護管理者(東京 教務係)', person: 'tokyoKyomuHead' },
  tokyoKyomuOfficer: { label: '保護担当者(東京 教務係)', person: 'tokyoKyomuStaff2' },
} as const satisfies Record<string, { label: string; person: PersonKey | null }>;
export type Actor = keyof typeof ACTORS;
export type SignedInActor = Exclude<Actor, 'anonymous'>;
export const SIGNED_IN = Object.keys(ACTORS).filter((a) => a !== 'anonymous') as SignedInActor[];

export const SCOPES = {
  none: '',
  hq: '本部',
  tokyo: '東京',
  tokyoKyomu: '東京 教務係',
  tokyoTosho: '東京 図書係',
  nagaoka: '長岡',
  missing: '存在しない対象',
  own: '自分の',
  other: '他人の',
} as const;
export type Scope = keyof typeof SCOPES;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Req {
  method: Method;
  url: string;
  body?: unknown;
  /** A CSV file sent as multipart/form-data (field `file`), with text fields. */
  csv?: { content: string; fields?: Record<string, string> };
}

/** The organisation, the extra appointments of the matrix, and helpers for building requests. */
export interface Fixture {
  org: Org;
  services: Services;
  /** Appointments made for the matrix only as targets of ending (never an actor's own). */
  appointed: Record<
    | 'tokyoKyomuOfficer'
    | 'tokyoToshoManager'
    | 'nagaokaChief'
    | 'nagaokaManager'
    | 'nagaokaOfficer'
    | 'secondAdmin',
    string
  >;
  /** A number unique within the run (employee numbers, section names). */
  next(): number;
  /** A new session of a person; answers its public id as GET /api/me/sessions shows it. */
  newSessionOf(person: PersonKey): Promise<string>;
  /** The signed-in client of an actor. */
  client(actor: Actor): HttpClient;
}

export interface Case {
  /** What the case exercises when a route has several (e.g. the role being appointed). */
  label?: string;
  scopes: Scope[];
  /** One letter per scope (see the top of this file), for every signed-in actor. */
  expect: Record<SignedInActor, string>;
  request: (fx: Fixture, scope: Scope, actor: Actor) => Req | Promise<Req>;
}

export interface RouteEntry {
  method: Method;
  path: string;
  /** public: no session needed; otherwise the cases say who may. */
  access: 'public' | 'protected';
  cases: Case[];
  note?: string;
}

// ───────────────────────────── helpers ─────────────────────────────

export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** The same expectation for every signed-in actor. */
export const everyone = (letters: string): Record<SignedInActor, string> =>
  Object.fromEntries(SIGNED_IN.map((a) => [a, letters])) as Record<SignedInActor, string>;
/** `letters` for the actors named in `allowed`, `otherwise` for the rest. */
export const only = (otherwise: string, allowed: Partial<Record<SignedInActor, string>>) => ({
  ...everyone(otherwise),
  ...allowed,
});

export const unitOf = (fx: Fixture, scope: Scope): string => {
  const { units } = fx.org;
  if (scope === 'missing') return MISSING_ID;
  if (scope === 'hq') return units.hq;
  if (scope === 'nagaoka') return units.nagaoka;
  return units.tokyo;
};
export const sectionOf = (fx: Fixture, scope: Scope): string => {
  const { sections } = fx.org;
  if (scope === 'missing') return MISSING_ID;
  if (scope === 'tokyoTosho') return sections.tokyoTosho;
  if (scope === 'nagaoka') return sections.nagaokaKyomu;
  if (scope === 'hq') return sections.somu;
  return sections.tokyoKyomu;
};
/** A person to read or edit in a scope; never one of the actors (tokyoRetired is inactive, so harmless). */
export const personOf = (fx: Fixture, scope: Scope): string => {
  const { people } = fx.org;
  if (scope === 'missing') return MISSING_ID;
  if (scope === 'nagaoka') return people.nagaokaStaff;
  if (scope === 'hq') return people.kyuyoStaff;
  return people.tokyoRetired;
};
/** A public GET: called anonymously, never answers auth.required or auth.forbidden. */
export const publicGet = (path: string, note?: string): RouteEntry => ({
  method: 'GET',
  path,
  access: 'public',
  cases: [{ scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url: path }) }],
  ...(note ? { note } : {}),
});
