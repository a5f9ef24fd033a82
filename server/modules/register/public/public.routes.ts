import { z } from 'zod';
import type { App } from '../../../platform/http/types.ts';
import type { PublicRegister } from '../register-public.service.ts';
import { accessibilityPage, entryPage, listPage, notFoundPage, REGISTER_CSS } from './public-html.ts';
import { publicQuery, type PublicQuery } from './public-search.ts';
import { csvCp932, csvUtf8, xlsx } from '../../../platform/tabular/index.ts';
import { sendProblem } from '../../../platform/http/error-handler.ts';
import { registerTable, REGISTER_WIDTHS } from './public-downloads.ts';
import { downloadErrorPage } from './public-html.ts';
import { entryPdf } from './public-pdf.ts';
import type { PublicEntryView } from '../../../../shared/api/register.ts';

const tags = ['register'];
const PAGE_SIZE = 50;
const html = 'text/html; charset=utf-8';

/** The public register's pages (A20-2, 法75): no sign-in, no JavaScript, nothing internal. */
export function publicRegisterRoutes(app: App, register: PublicRegister) {
  app.get('/register', { schema: { tags, querystring: publicQuery } }, async (req, reply) => {
    const q = req.query;
    const { found, units } = await register.find(q);
    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    const page = Math.min(q.page ?? 1, pages);
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
      const e = await register.entry(req.params.id).catch(() => null);
      return e ? reply.type(html).send(entryPage(e)) : reply.status(404).type(html).send(notFoundPage());
    },
  );

  // An ASCII name for old clients, the Japanese one for the rest (RFC 6266; RFC 8187 encoding).
  const disposition = (kind: 'attachment' | 'inline', ascii: string, name: string) =>
    `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(
      /['()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    )}`;
  const attachment = (ascii: string, name: string) => disposition('attachment', ascii, name);

  // The 単票 as a PDF laid out like 別紙様式1 (A20-2, 法75). find-my-way routes `:id.pdf` apart from
  // `:id` and from files.csv / .xlsx / .json. Anything not published is not found, as for the page.
  // The register keeps one object per published entry until the register changes, so each version
  // of an entry is rendered once (well under a second) and a struck entry is gone at once.
  const sheets = new WeakMap<PublicEntryView, Promise<Uint8Array>>();
  app.get(
    '/register/files/:id.pdf',
    { schema: { tags, params: z.object({ id: z.string().max(64) }) } },
    async (req, reply) => {
      const e = await register.entry(req.params.id).catch(() => null);
      if (!e) return reply.status(404).type(html).send(notFoundPage());
      let pdf = sheets.get(e);
      if (!pdf) {
        pdf = entryPdf(e);
        sheets.set(e, pdf);
        pdf.catch(() => sheets.delete(e)); // a failed render is tried again next time
      }
      const ascii = `register-${e.id.replace(/[^\w-]/g, '')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition('inline', ascii, `${e.name}.pdf`))
        .header('cache-control', 'no-cache')
        .send(Buffer.from(await pdf));
    },
  );

  // Downloads of the whole published register (UTF-8 with BOM by default; Shift_JIS on request).
  app.get(
    '/register/files.csv',
    { schema: { tags, querystring: z.object({ encoding: z.enum(['utf-8', 'cp932']).default('utf-8') }) } },
    async (req, reply) => {
      const table = registerTable(await register.entries());
      if (req.query.encoding === 'utf-8')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment('register.csv', '個人情報ファイル簿.csv'))
          .send(csvUtf8(table));
      const sjis = csvCp932(table);
      if (sjis.ok)
        return reply
          .type('text/csv; charset=shift_jis')
          .header('content-disposition', attachment('register-sjis.csv', '個人情報ファイル簿_sjis.csv'))
          .send(sjis.body);
      const where = {
        row: sjis.row,
        path: sjis.column,
        code: 'unrepresentable_character',
        message: `「${sjis.char}」`,
      };
      // A person who followed the link gets a page that says what to do; a program, the problem.
      if ((req.headers.accept ?? '').includes('text/html'))
        return reply
          .status(422)
          .type(html)
          .send(downloadErrorPage({ ...where, char: sjis.char }));
      return sendProblem(req, reply, 'register.csv_unrepresentable', [where]);
    },
  );
  app.get('/register/files.xlsx', { schema: { tags } }, async (_req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment('register.xlsx', '個人情報ファイル簿.xlsx'))
      .send(
        await xlsx(
          registerTable(await register.entries()),
          '個人情報ファイル簿',
          '個人情報ファイル簿',
          REGISTER_WIDTHS,
        ),
      ),
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
