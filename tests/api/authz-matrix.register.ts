/**
 * Routes of the register of personal information files (issue 5; A20) in the authorisation matrix;
 * see authz-matrix.table.ts for the letters. A file of 東京 教務係 is read by its 保護管理者 and
 * 保護担当者, the 東京 総括保護管理者 (校長), the 総括管理者 and the 監査責任者; drafted by the
 * 保護管理者 and the 校長 (A20-1); submitted by the 校長 (A20-1); accepted or returned by the
 * 総括管理者 (A20-2); struck by the 校長 or the 総括管理者 (A20-4); a My Number file approved by the
 * 総括管理者 (A20-5). Someone who may never do an action is refused before any lookup; for the
 * others a missing file and a file out of their scope are both 404 (existence does not leak), and a
 * file they may read but not act on is refused. The published register is public.
 *
 * Every request that changes a file gets a fresh one, made by the system in the state it needs.
 */
import { fileAt, sampleFields, type FileStage } from '../support/register-fixture.ts';
import {
  COLUMN_JA,
  TEMPLATE_COLUMNS,
  digestOf,
} from '../../server/modules/register/import/parse-register-file.ts';
import { csvText } from '../../server/platform/tabular/index.ts';
import {
  MISSING_ID,
  everyone,
  only,
  publicGet,
  sectionOf,
  unitOf,
  type Case,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];

/** A new file in the scope, at the stage the request needs (MISSING_ID for 'missing'). */
const fileIn = (fx: Fixture, scope: Scope, stage: FileStage, myNumber = false): Promise<string> =>
  scope === 'missing'
    ? Promise.resolve(MISSING_ID)
    : fileAt(fx.services, { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) }, stage, {
        name: `行列テスト用ファイル${fx.next()}`,
        myNumber,
      });

/** A public page of one published entry (the 単票, or its PDF with `suffix`): anyone reads it. */
const publishedFile = (path: string, note: string, suffix = ''): RouteEntry => ({
  ...publicGet(path, note),
  cases: [
    {
      ...publicGet('/register').cases[0]!,
      request: async (fx) => ({
        method: 'GET',
        url: `/register/files/${await fileIn(fx, 'tokyoKyomu', 'registered')}${suffix}`,
      }),
    },
  ],
});

const READERS = only('DDDD', {
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
});
const DRAFTERS = only('DDDD', { tokyoChief: 'AANN', tokyoKyomuManager: 'ANNN' });

/** A route on one file: `stage` is what the file must be for the action to make sense. */
const onFile = (
  method: Method,
  action: string,
  stage: FileStage,
  expect: Record<string, string>,
  extra: { body?: unknown; query?: string; myNumber?: boolean; note?: string } = {},
): RouteEntry => ({
  method,
  path: `/api/register/files/:id${action}`,
  access: 'protected',
  ...(extra.note ? { note: extra.note } : {}),
  cases: [
    {
      scopes: FILE_SCOPES,
      expect: expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/register/files/${await fileIn(fx, scope, stage, extra.myNumber)}${action}${extra.query ?? ''}`,
        ...(extra.body !== undefined ? { body: extra.body } : {}),
      }),
    },
  ],
});

/** A one-row register file (import, A20-1/A20-2) of a new entry held in the scope's section. */
function importCsv(fx: Fixture, scope: Scope): string {
  const where = {
    tokyoKyomu: ['東京', '教務係'],
    tokyoTosho: ['東京', '図書係'],
    nagaoka: ['長岡', '教務係'],
  };
  const [unit, section] = where[scope as keyof typeof where];
  const f = sampleFields({ name: `行列テスト用取込ファイル${fx.next()}` });
  const cells: Partial<Record<keyof typeof COLUMN_JA, string>> = {
    unit,
    section,
    name: f.name,
    department: f.department,
    purpose: f.purpose,
    recordItems: f.recordItems.join('\n'),
    recordRange: f.recordRange,
    collectionMethod: f.collectionMethod,
    requestOffice: f.requestOffice,
    kind: '電算処理ファイル',
  };
  return csvText({
    header: TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]),
    rows: [TEMPLATE_COLUMNS.map((k) => cells[k] ?? '')],
  });
}

const IMPORT_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka'];

/**
 * The import (A20-1, A20-2): drafts by those who may draft in the section; registered entries by the
 * 総括管理者 only. Someone who may never do either is refused before the file is read; a row outside
 * the importer's scope is an error of that row in the preview (R) and refuses the import (403).
 */
const importCases = (
  url: string,
  expect: { draft: Record<string, string>; registered: Record<string, string> },
  withDigest: boolean,
): Case[] =>
  (['draft', 'registered'] as const).map((mode) => ({
    label: mode,
    scopes: IMPORT_SCOPES,
    expect: expect[mode],
    request: (fx: Fixture, scope: Scope) => {
      const content = importCsv(fx, scope);
      const fields: Record<string, string> = { mode };
      if (withDigest) fields.digest = digestOf(new TextEncoder().encode(content));
      return { method: 'POST', url, csv: { content, fields } };
    },
  }));

export const REGISTER_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/register/files',
    access: 'protected',
    note: 'each reader gets the files of their scope only (server/modules/register/register.service.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', {
          chiefManager: 'A',
          auditOfficer: 'A',
          tokyoChief: 'A',
          tokyoKyomuManager: 'A',
          tokyoKyomuOfficer: 'A',
        }),
        request: () => ({ method: 'GET', url: '/api/register/files' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/register/files',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: only('DDD', { tokyoChief: 'AAD', tokyoKyomuManager: 'ADD' }),
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/register/files',
          body: {
            unitId: unitOf(fx, scope),
            sectionId: sectionOf(fx, scope),
            fields: sampleFields({ name: `行列テスト用ファイル${fx.next()}` }),
          },
        }),
      },
    ],
  },
  onFile('GET', '', 'draft', READERS),
  onFile('PUT', '/draft', 'draft', DRAFTERS, {
    body: sampleFields({ purpose: '行列テストで変更した利用目的' }),
  }),
  onFile('POST', '/amend', 'registered', DRAFTERS, { body: {} }),
  onFile('POST', '/submit', 'draft', only('DDDD', { tokyoChief: 'AANN' })),
  onFile('POST', '/accept', 'submitted', only('DDDD', { chiefManager: 'AAAN' })),
  onFile('POST', '/return', 'submitted', only('DDDD', { chiefManager: 'AAAN' }), {
    body: { reason: '行列テストの差戻し理由' },
  }),
  onFile('POST', '/discontinue', 'registered', only('DDDD', { chiefManager: 'AAAN', tokyoChief: 'AANN' }), {
    body: { reason: '行列テストの保有終了' },
  }),
  onFile('POST', '/approve-my-number', 'registered', only('DDDD', { chiefManager: 'AAAN' }), {
    myNumber: true,
  }),
  onFile('GET', '/history', 'draft', READERS),
  onFile('GET', '/diff', 'draft', READERS, { query: '?from=1&to=1' }),
  {
    method: 'GET',
    path: '/api/register/inbox',
    access: 'protected',
    note: 'what awaits the signed-in person; empty for someone without a role in the register',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/register/inbox' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/register/import/template',
    access: 'protected',
    note: 'the CSV template of the import: headings and a fictional example, for anyone signed in',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/register/import/template' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/register/import/preview',
    access: 'protected',
    note: 'writes nothing; rows outside the scope carry the row error forbidden_unit',
    cases: importCases(
      '/api/register/import/preview',
      {
        draft: only('DDD', { tokyoChief: 'AAR', tokyoKyomuManager: 'ARR' }),
        registered: only('DDD', { chiefManager: 'AAA' }),
      },
      false,
    ),
  },
  {
    method: 'POST',
    path: '/api/register/import',
    access: 'protected',
    note: 'all rows or none (server/modules/register/import/register-import.service.test.ts)',
    cases: importCases(
      '/api/register/import',
      {
        draft: only('DDD', { tokyoChief: 'AAD', tokyoKyomuManager: 'ADD' }),
        registered: only('DDD', { chiefManager: 'AAA' }),
      },
      true,
    ),
  },
  publicGet('/register/files.json', 'the published register (A20-2): no exempt, unfinished or struck entry'),
  publicGet('/register', 'the public list and search, HTML without JavaScript'),
  publishedFile('/register/files/:id', 'one published entry as a 単票'),
  publishedFile('/register/files/:id.pdf', 'one published entry as a PDF 単票 (別紙様式1)', '.pdf'),
  publicGet('/register/files.csv', 'the published register as CSV (UTF-8 with BOM; ?encoding=cp932)'),
  publicGet('/register/files.xlsx', 'the published register as an Excel workbook'),
  publicGet('/register/accessibility', 'the accessibility statement (JIS X 8341-3 AA)'),
  publicGet('/register/register.css'),
];
