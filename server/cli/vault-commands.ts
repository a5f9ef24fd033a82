import fs from 'node:fs';
import type { Command } from 'commander';
import {
  IMPORT_ROW_MESSAGES,
  MAPPING_MESSAGES,
  type VaultImportPreviewView,
} from '../../shared/api/vault-import.ts';
import { ERRORS } from '../../shared/errors.ts';
import type { Services } from '../app.ts';
import { isAppError, type AppError } from '../platform/errors.ts';
import { readSheet } from '../platform/tabular/index.ts';
import { cliCtx } from './cli-context.ts';

type WithServices = <T>(fn: (s: Services) => Promise<T>) => Promise<T>;

interface ImportOptions {
  fileId: string;
  purpose?: string;
  mapping?: string;
  dryRun?: boolean;
}

const print = (line = '') => console.log(line);
const fail = (line: string) => console.error(line);

/**
 * A mapping file: field key → column, as a 0-based column number (as the API takes it) or as the
 * column's heading. Headings are resolved against the file's first row; one it lacks is an error.
 */
async function readMapping(path: string, bytes: Uint8Array): Promise<Record<string, number | null>> {
  const raw = JSON.parse(fs.readFileSync(path, 'utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(
      `${path}: 項目と列の対応（JSONオブジェクト）ではありません / not a JSON object of field → column`,
    );
  const entries = Object.entries(raw as Record<string, unknown>);
  if (!entries.some(([, c]) => typeof c === 'string')) return raw as Record<string, number | null>;
  const { headings } = await readSheet(bytes, { invalidFile: 'vault.import_invalid_file' });
  return Object.fromEntries(
    entries.map(([field, column]) => {
      if (typeof column !== 'string') return [field, column as number | null];
      const at = headings.findIndex((h) => h.trim() === column.trim());
      if (at < 0)
        throw new Error(`${path}: 列「${column}」がファイルにありません / no column "${column}" in the file`);
      return [field, at];
    }),
  );
}

/** The mapping as a person checks it: each field and the heading of its column. */
function printMapping(p: VaultImportPreviewView) {
  print('列の割り当て / mapping:');
  for (const f of p.fields) {
    const column = p.mapping[f.key];
    const heading = column === null || column === undefined ? '—' : `${column}: ${p.headings[column] ?? '?'}`;
    const note = f.refused
      ? ` (${f.refused === 'not_granted' ? '権限外 / not granted' : '個人番号 / My Number'})`
      : '';
    print(`  ${f.label} (${f.key}) ← ${heading}${note}`);
  }
}

/** Every problem, by line, field and code, with the message in Japanese and English; never a value. */
function printProblems(p: VaultImportPreviewView) {
  for (const m of p.mappingProblems)
    fail(
      `  割り当て / mapping: ${m.field} [${m.code}] ${MAPPING_MESSAGES[m.code].ja} / ${MAPPING_MESSAGES[m.code].en}`,
    );
  const label = new Map(p.fields.map((f) => [f.key, f.label]));
  for (const r of p.rows)
    for (const e of r.errors) {
      const first = e.firstLine ? ` (${e.firstLine}行目 / line ${e.firstLine})` : '';
      const msg = IMPORT_ROW_MESSAGES[e.code];
      fail(
        `  ${r.line}行目 / line ${r.line}: ${label.get(e.field) ?? e.field} (${e.field}) [${e.code}] ${msg.ja} / ${msg.en}${first}`,
      );
    }
  const more = p.invalid - p.rows.length;
  if (more > 0) fail(`  …ほか ${more} 行 / and ${more} more rows`);
}

function printError(e: AppError) {
  fail(`エラー [${e.code}]: ${ERRORS[e.code].ja}\nError [${e.code}]: ${ERRORS[e.code].en}`);
  for (const d of e.details ?? []) fail(`  ${d.row ? `line ${d.row}: ` : ''}${d.path ?? ''} [${d.code}]`);
}

/**
 * `mamori vault …` (issue 6): the vault from the command line, as the system actor (cli:<account>),
 * through the same services and checks as the browser.
 */
export function vaultCommands(program: Command, withServices: WithServices) {
  const vault = program.command('vault').description('保管庫 (the vault of held personal information)');

  vault
    .command('import')
    .description(
      'CSV・Excel の記録を一括で取り込みます。誤りが1行でもあれば何も取り込みません (import records from CSV or Excel: all rows or none)',
    )
    .argument('<file>', '取り込むファイル (CSV UTF-8/Shift_JIS, or .xlsx)')
    .requiredOption('--file-id <id>', '個人情報ファイルのID (the register file id)')
    .option(
      '--purpose <code>',
      '利用目的のコード (a purpose registered for the file, A11-3); default: the file’s first purpose',
    )
    .option(
      '--mapping <json>',
      '項目→列の対応 (JSON: field key → 0-based column or heading); default: by headings',
    )
    .option('--dry-run', '確認のみ、書き込まない (check every row, write nothing)')
    .action((file: string, opts: ImportOptions) =>
      withServices(async (s) => {
        const ctx = cliCtx();
        const bytes = fs.readFileSync(file);
        try {
          const mapping = opts.mapping ? await readMapping(opts.mapping, bytes) : null;
          // A11-3: every access names a purpose; without --purpose, the file's first one (said aloud).
          const purpose =
            opts.purpose ?? (await s.vault.internals.loader.find(opts.fileId))?.purposes[0]?.code ?? '';
          if (!opts.purpose && purpose) print(`利用目的 / purpose: ${purpose}`);
          const input = { purpose, bytes, mapping };
          const p = await s.vault.import.preview(ctx, opts.fileId, input);
          printMapping(p);
          print(`行数 / rows: ${p.total}（正常 / valid ${p.valid}、誤り / invalid ${p.invalid}）`);
          if (p.mappingProblems.length > 0 || p.invalid > 0) {
            printProblems(p);
            fail('誤りがあるため、1件も取り込みませんでした / nothing was imported: fix the problems above');
            process.exitCode = 1;
            return;
          }
          if (opts.dryRun) {
            print(`確認のみ: ${p.total} 件を取り込めます / dry run: ${p.total} records can be imported`);
            return;
          }
          const started = Date.now();
          let shown = -1;
          const { importId, done } = await s.vault.import.commit(
            ctx,
            opts.fileId,
            { ...input, mapping: p.mapping, digest: p.digest },
            {
              onProgress: (x) => {
                const step = Math.floor((20 * x.done) / Math.max(1, x.total));
                if (step === shown) return;
                shown = step;
                print(`  ${step * 5}% (${x.done} / ${x.total})`);
              },
            },
          );
          const result = await done;
          const seconds = (Date.now() - started) / 1000;
          if (result.status !== 'done') {
            const code = result.error as keyof typeof ERRORS;
            fail(
              `取り込みに失敗し、何も取り込みませんでした / the import failed and nothing was imported (${importId})`,
            );
            if (code in ERRORS)
              fail(`エラー [${code}]: ${ERRORS[code].ja}\nError [${code}]: ${ERRORS[code].en}`);
            process.exitCode = 1;
            return;
          }
          print(
            `取り込みました / imported: ${result.imported} 件 records in ${seconds.toFixed(1)} s (${Math.round(result.imported / Math.max(seconds, 0.001))} records/s), import ${importId}`,
          );
          if (result.pending)
            print(
              '重要なファイルのため、別の職員が原本と照合するまで確認待ちです（第26条） / awaiting a second person’s check (A26)',
            );
        } catch (e) {
          if (!isAppError(e)) throw e;
          printError(e);
          process.exitCode = 1;
        }
      }),
    );
}
