import { z } from 'zod';
import type { App } from '../../../platform/http/types.ts';
import type { PublicRegister } from '../register-public.service.ts';
import { accessibilityPage, entryPage, listPage, notFoundPage, REGISTER_CSS } from './public-html.ts';
import { publicQuery, search, type PublicQuery } from './public-search.ts';

const tags = ['register'];
const PAGE_SIZE = 50;
const html = 'text/html; charset=utf-8';

/** The public register's pages (A20-2, 法75): no sign-in, no JavaScript, nothing internal. */
export function publicRegisterRoutes(app: App, register: PublicRegister) {
  app.get('/register', { schema: { tags, querystring: publicQuery } }, async (req, reply) => {
    const q = req.query;
    const all = await register.entries();
    const unitOf = new Map(all.map((e) => [e.id, e.unitId]));
    const found = search(all, q, (id) => unitOf.get(id));
    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    const page = Math.min(q.page ?? 1, pages);
    const units = [...new Map(all.map((e) => [e.unitId, e.unitName])).entries()].map(([id, name]) => ({
      id,
      name,
    }));
    const pageHref = (p: number) =>
      `/register?${new URLSearchParams(queryParams({ ...q, page: p })).toString()}`;
    return reply.type(html).send(
      listPage({
        query: q,
        units,
        entries: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: found.length,
        page,
        pages,
        pageHref,
      }),
    );
  });

  app.get(
    '/register/files/:id',
    { schema: { tags, params: z.object({ id: z.string().max(64) }) } },
    async (req, reply) => {
      const e = (await register.entries()).find((x) => x.id === req.params.id);
      return e ? reply.type(html).send(entryPage(e)) : reply.status(404).type(html).send(notFoundPage());
    },
  );

  app.get('/register/accessibility', { schema: { tags } }, (_req, reply) =>
    reply.type(html).send(accessibilityPage()),
  );

  app.get('/register/register.css', { schema: { tags } }, (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REGISTER_CSS),
  );
}

/** The query's non-empty parameters, for the links between pages. */
function queryParams(q: PublicQuery & { page: number }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}
