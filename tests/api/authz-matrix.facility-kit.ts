/**
 * What the facilities parts of the authorisation matrix share (issue 11): objects built once per run
 * (and services), the check that a setup request succeeded, and a client signed in as the 保護管理者
 * who keeps each scope's section (A6, A32-1: they register devices, systems and rooms). Every person
 * is fictional.
 */
import type { PersonKey } from '../support/org-fixture.ts';
import { seatsFilled } from '../support/provision-scene.ts';
import type { Fixture, Scope } from './authz-matrix.kit.ts';
import { sessionClient, type HttpClient, type Response } from './support/http-client.ts';

/** A memo of one matrix file: `once(fx, key, make)` builds an object once per run (per services). */
export function onceMemo() {
  const memo = new WeakMap<object, Map<string, Promise<unknown>>>();
  return function once<T>(fx: Fixture, key: string, make: () => Promise<T>): Promise<T> {
    let byKey = memo.get(fx.services);
    if (!byKey) memo.set(fx.services, (byKey = new Map<string, Promise<unknown>>()));
    if (!byKey.has(key)) byKey.set(key, make());
    return byKey.get(key) as Promise<T>;
  };
}

/** The body of a setup request that succeeded; a failed setup stops the run, naming `what`. */
export function ok<T>(res: Response, what: string): T {
  if (res.statusCode >= 300)
    throw new Error(`matrix setup (${what}) answered ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

/** A client signed in as `person`. */
export const as = (fx: Fixture, person: PersonKey): Promise<HttpClient> =>
  sessionClient(fx.client('staff').app, fx.services, fx.org.people[person]);

/** The 保護管理者 of each scope's section (the keeper who builds its objects). */
export const KEEPER: Partial<Record<Scope, PersonKey>> = {
  tokyoKyomu: 'tokyoKyomuHead',
  tokyoTosho: 'tokyoToshoHead',
  nagaoka: 'nagaokaKyomuHead',
};

/** A client of the scope's keeper, once the seats the scopes need are filled (provision-scene.ts). */
export async function keeperIn(fx: Fixture, scope: Scope): Promise<HttpClient> {
  await seatsFilled(fx);
  return as(fx, KEEPER[scope]!);
}
