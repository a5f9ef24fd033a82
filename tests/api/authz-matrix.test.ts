/**
 * The authorisation matrix (issue 3, "Tests that must exist"): every route × every demo role × in
 * and out of scope, generated from `authz-matrix.table.ts`. The first test compares the table with the
 * routes the app actually registers, so a new route without an entry fails here.
 *
 * The whole matrix runs on SQLite and on PostgreSQL (about 650 cells each, a few seconds). Cells share
 * one database per kind: requests are built so that what an allowed write changes never changes the answer of a
 * later cell (new names and numbers per cell; seats already filled answer 409, which still counts as
 * allowed; no actor's own appointment is ever ended).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/app.ts';
import type { Services } from '../../server/app.ts';
import { databases } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import {
  ACTORS,
  ROUTE_TABLE,
  SCOPES,
  SIGNED_IN,
  buildMatrixOrg,
  type Actor,
  type Case,
  type Fixture,
  type RouteEntry,
  type Scope,
} from './authz-matrix.table.ts';
import {
  HttpClient,
  multipart,
  sessionClient,
  problemOf,
  type HttpApp,
  type Response,
} from './support/http-client.ts';

/** The built web app (when present): its files are routes too, served the same to everyone. */
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const isWebFile = (url: string) => {
  const file = path.join(webRoot, decodeURIComponent(url));
  return file.startsWith(`${webRoot}${path.sep}`) && fs.existsSync(file) && fs.statSync(file).isFile();
};
const key = (method: string, path: string) => `${method} ${path}`;

interface Cell {
  name: string;
  entry: RouteEntry;
  kase: Case;
  actor: Actor;
  scope: Scope;
  expected: string; // A, D, N, G, H, R, or 'U' (401 for anonymous), 'P' (public)
}

const OUTCOME: Record<string, string> = {
  A: 'allowed',
  D: '403',
  N: '404',
  G: '403 no grant',
  H: '403 not handler',
  R: 'row refused',
  U: '401',
  P: 'public',
};

function cellsOf(): Cell[] {
  const cells: Cell[] = [];
  for (const entry of ROUTE_TABLE) {
    for (const kase of entry.cases) {
      const scopes = kase.scopes;
      const actors: Actor[] = entry.access === 'public' ? ['anonymous'] : ['anonymous', ...SIGNED_IN];
      for (const actor of actors) {
        for (const scope of scopes) {
          // Anonymous callers are refused before any object is looked at: one cell is enough.
          if (actor === 'anonymous' && entry.access === 'protected' && scope !== scopes[0]) continue;
          const expected =
            entry.access === 'public'
              ? 'P'
              : actor === 'anonymous'
                ? 'U'
                : kase.expect[actor][kase.scopes.indexOf(scope)]!;
          const label = kase.label ? ` [${kase.label}]` : '';
          const where = scope === 'none' || actor === 'anonymous' ? '' : ` on ${SCOPES[scope]}`;
          cells.push({
            name: `${entry.method} ${entry.path}${label} as ${ACTORS[actor].label}${where} → ${OUTCOME[expected]}`,
            entry,
            kase,
            actor,
            scope,
            expected,
          });
        }
      }
    }
  }
  return cells;
}

describe('the route table', () => {
  it('has one well-formed entry per route, with one expectation per scope for every signed-in actor', () => {
    const seen = new Set<string>();
    for (const entry of ROUTE_TABLE) {
      const k = key(entry.method, entry.path);
      expect(seen.has(k), `${k} is listed twice`).toBe(false);
      seen.add(k);
      expect(entry.cases.length, `${k} has no case`).toBeGreaterThan(0);
      for (const kase of entry.cases)
        for (const actor of SIGNED_IN)
          expect(kase.expect[actor], `${k}${kase.label ?? ''} for ${actor}`).toMatch(
            new RegExp(`^[ADGHNR]{${kase.scopes.length}}$`),
          );
    }
  });
});

describe.each(databases)('authorisation matrix on %s', (kind) => {
  let services: Services;
  let app: HttpApp;
  let fx: Fixture;
  const registered: { method: string; url: string }[] = [];
  const clients = new Map<Actor, HttpClient>();

  const clientOf = (person: string): Promise<HttpClient> => sessionClient(app, services, person);

  beforeAll(async () => {
    services = await testServices(kind);
    const { org, appointed } = await buildMatrixOrg(services);
    app = await createHttpApp(
      services,
      { ready: true },
      {
        onRoute: (route: RouteOptions) => {
          for (const method of [route.method].flat()) registered.push({ method, url: route.url });
        },
      },
    );
    await app.ready();
    for (const actor of Object.keys(ACTORS) as Actor[]) {
      const person = ACTORS[actor].person;
      clients.set(actor, person ? await clientOf(org.people[person]) : new HttpClient(app));
    }
    let counter = 0;
    fx = {
      org,
      services,
      appointed,
      next: () => ++counter,
      client: (actor) => clients.get(actor)!,
      async newSessionOf(person) {
        const client = await clientOf(org.people[person]);
        const res = await client.get('/api/me/sessions');
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ id: string; current: boolean }[]>().find((s) => s.current)!.id;
      },
    };
  });
  afterAll(async () => {
    await app?.close();
  });

  // Every route but the web app's files (HEAD routes follow their GET) must have an entry.
  it('lists every registered route, and only those', () => {
    const actual = new Set(
      registered.filter((r) => r.method !== 'HEAD' && !isWebFile(r.url)).map((r) => key(r.method, r.url)),
    );
    const listed = new Set(ROUTE_TABLE.map((e) => key(e.method, e.path)));
    const missing = [...actual].filter((k) => !listed.has(k)).map((k) => `add an entry for ${k}`);
    const stale = [...listed]
      .filter((k) => !actual.has(k))
      .map((k) => `remove the entry for ${k} (no such route)`);
    expect([...missing, ...stale], 'tests/api/authz-matrix.table.ts is out of date').toEqual([]);
  });

  async function send(client: HttpClient, req: Awaited<ReturnType<Case['request']>>): Promise<Response> {
    if (req.csv) {
      const form = multipart({ filename: 'staff.csv', content: req.csv.content }, req.csv.fields ?? {});
      return client.request(req.method, req.url, undefined, { payload: form.payload, headers: form.headers });
    }
    return client.request(req.method, req.url, req.body);
  }

  const deniedCount = () => services.ledger.count(services.database.db, { type: 'authz.denied' });

  it.each(cellsOf().map((c) => [c.name, c] as const))('%s', async (_name, cell) => {
    const client = fx.client(cell.actor);
    const req = await cell.kase.request(fx, cell.scope, cell.actor);
    const deniedBefore = await deniedCount();
    const res = await send(client, req);
    const code = res.statusCode >= 400 ? problemOf(res).code : null;
    const answer = `${res.statusCode} ${code ?? ''}: ${res.body.slice(0, 300)}`;

    switch (cell.expected) {
      case 'P':
        expect(res.statusCode, answer).toBeLessThan(500);
        expect(['auth.required', 'auth.forbidden'], answer).not.toContain(code);
        break;
      case 'U':
        expect(res.statusCode, answer).toBe(401);
        expect(code, answer).toBe('auth.required');
        break;
      case 'A':
        expect([401, 403, 404], answer).not.toContain(res.statusCode);
        expect(res.statusCode, answer).toBeLessThan(500);
        // A malformed request proves nothing about authorisation: the table's bodies must be valid.
        expect(['request.invalid', 'request.csrf'], answer).not.toContain(code);
        break;
      case 'N':
        expect(res.statusCode, answer).toBe(404);
        break;
      case 'D': {
        expect(res.statusCode, answer).toBe(403);
        expect(code, answer).toBe('auth.forbidden');
        // Denials are audit events (issue 3): one authz.denied entry, naming the actor.
        expect(await deniedCount()).toBe(deniedBefore + 1);
        const [entry] = await services.ledger.list(services.database.db, { type: 'authz.denied', limit: 1 });
        expect(entry?.actorId).toBe(fx.org.people[ACTORS[cell.actor].person!]);
        break;
      }
      case 'G': {
        expect(res.statusCode, answer).toBe(403);
        expect(code, answer).toBe('vault.no_grant');
        expect(await deniedCount()).toBe(deniedBefore + 1);
        const [entry] = await services.ledger.list(services.database.db, { type: 'authz.denied', limit: 1 });
        expect(entry?.actorId).toBe(fx.org.people[ACTORS[cell.actor].person!]);
        break;
      }
      case 'H': {
        // Individuals' requests: a reader (the 監査責任者) who does not handle the request (issue 12).
        expect(res.statusCode, answer).toBe(403);
        expect(code, answer).toBe('requests.not_handler');
        expect(await deniedCount()).toBe(deniedBefore + 1);
        const [entry] = await services.ledger.list(services.database.db, { type: 'authz.denied', limit: 1 });
        expect(entry?.actorId).toBe(fx.org.people[ACTORS[cell.actor].person!]);
        break;
      }
      case 'R': {
        // Staff import refuses the rows of a unit outside the caller's scope, row by row.
        const rowCodes =
          res.statusCode === 200
            ? res
                .json<{ rows: { errors: { code: string }[] }[] }>()
                .rows.flatMap((r) => r.errors.map((e) => e.code))
            : (problemOf(res).errors ?? []).map((e) => e.code);
        expect([200, 422], answer).toContain(res.statusCode);
        if (res.statusCode === 422) expect(code, answer).toBe('import.rows_invalid');
        expect(rowCodes, answer).toContain('forbidden_unit');
        break;
      }
      default:
        throw new Error(`unknown expectation ${cell.expected}`);
    }
  });
});
