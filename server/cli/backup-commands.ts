import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { ERRORS, type ErrorCode } from '../../shared/errors.ts';
import type { Services } from '../app.ts';
import type { BackupRunView } from '../../shared/api/facility-backups.ts';
import {
  keyFingerprint,
  loadBackupKey,
  parseDestination,
  readBackupKey,
  restoreBackup,
  type BackupProgress,
} from '../platform/backup/index.ts';
import { loadConfig } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { cliCtx } from './cli-context.ts';

type WithServices = <T>(fn: (s: Services) => Promise<T>) => Promise<T>;

const PHASES: Record<BackupProgress['phase'], string> = {
  database: 'データベース database',
  files: 'ファイル files   ',
  encrypt: '暗号化 encrypt   ',
  upload: '転送 upload      ',
  download: '取得 download    ',
  decrypt: '復号 decrypt     ',
  restore: '復元 restore     ',
  verify: '検証 verify      ',
};

/** One progress bar per phase on standard error (none with --quiet or when it is not a terminal). */
function progressBars(quiet: boolean | undefined) {
  const show = !quiet && process.stderr.isTTY;
  let bar: SingleBar | null = null;
  let phase: string | null = null;
  return {
    onProgress(p: BackupProgress) {
      if (!show) return;
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new SingleBar(
          { format: `${PHASES[p.phase]} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr },
          Presets.shades_classic,
        );
        bar.start(Math.max(p.total, 1), p.total === 0 ? 1 : p.done);
      } else {
        bar?.setTotal(Math.max(p.total, 1));
        bar?.update(p.total === 0 ? 1 : p.done);
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

const describeCode = (code: string | null) =>
  code && code in ERRORS
    ? `[${code}] ${ERRORS[code as ErrorCode].ja} / ${ERRORS[code as ErrorCode].en}`
    : `[${code}]`;

function printBackup(r: BackupRunView) {
  if (r.fileName)
    console.log(`バックアップを作成しました / backup made: ${r.fileName} (${r.bytes} bytes, ${r.startedAt})`);
  if (r.sha256) console.log(`SHA-256: ${r.sha256}`);
  if (r.error) console.error(`失敗 / FAILED: ${describeCode(r.error)}`);
  for (const d of r.destinations)
    console.log(
      d.ok ? `  保存 / stored: ${d.location}` : `  失敗 / FAILED: ${d.location} ${describeCode(d.error)}`,
    );
  for (const p of r.pruned) console.log(`  削除（保存期間経過） / pruned: ${p}`);
}

/**
 * `mamori backup …` and `mamori restore …` (A27).
 *
 *   npx mamori backup [--to <destination...>] [--quiet]
 *   npx mamori backup key [--export --yes]
 *   npx mamori restore <file or s3://bucket/key> --key-file <file> [--data-dir <dir>]
 *       [--database-url <url>] [--vault-key-file <file>] [--sha256 <hex>] [--quiet]
 *
 * Restore does not open the target through withServices (that would migrate it, so it would no
 * longer be empty): the engine checks that the target is empty, restores, then verifies.
 */
export function backupCommands(program: Command, withServices: WithServices) {
  const backup = program
    .command('backup')
    .description(
      '暗号化したバックアップを作成し、保存先に書き込みます (make an encrypted backup and write it to the destinations, A27)',
    )
    .option(
      '--to <destination...>',
      '保存先のフォルダまたは s3://bucket/prefix (destinations; default: BACKUP_DESTINATIONS)',
    )
    .option('--quiet', '進捗を表示しない (no progress bars)')
    .action((opts: { to?: string[]; quiet?: boolean }) =>
      withServices(async (s) => {
        // Each a directory (absolute) or s3://bucket/prefix, as in BACKUP_DESTINATIONS.
        const destinations = opts.to?.map((d) => {
          const t = parseDestination(d);
          return t.kind === 'dir' ? t.path : d.trim();
        });
        if ((destinations ?? s.config.backup.destinations).length === 0)
          throw new AppError('facilities.backup_not_configured');
        const bars = progressBars(opts.quiet);
        // Through the backups part: the run is recorded (file, checksum, destinations) and audited.
        const run = await s.facilities.backups
          .run(cliCtx(), {
            trigger: 'cli',
            ...(destinations ? { destinations } : {}),
            onProgress: (p) => bars.onProgress(p),
          })
          .finally(() => bars.stop());
        printBackup(run);
        if (run.status !== 'succeeded') process.exitCode = 1;
      }),
    );

  backup
    .command('key')
    .description(
      'バックアップ鍵のファイルと指紋を表示します。鍵そのものは表示しません (show the backup key file and its fingerprint, never the key)',
    )
    .option(
      '--export',
      '鍵を一度だけ表示し、別の場所に保管できるようにします (print the key once, for safekeeping)',
    )
    .option('--yes', '--export の確認 (confirm --export)')
    .action((opts: { export?: boolean; yes?: boolean }) => {
      const config = loadConfig();
      const key = loadBackupKey(config);
      if (opts.export) {
        if (!opts.yes) {
          console.error(
            '鍵を表示するには --export --yes と指定してください。表示した鍵はバックアップとは別の安全な場所に保管してください。 / To print the key, run with --export --yes, and keep it somewhere safe apart from the backups.',
          );
          process.exitCode = 1;
          return;
        }
        console.error(
          'この鍵がないとバックアップは復元できません。バックアップとは別の安全な場所に保管してください。 / Without this key no backup can be restored: keep it safe, apart from the backups.',
        );
        console.log(key.toString('base64'));
        return;
      }
      console.log(`鍵ファイル / key file: ${config.backup.keyFile}`);
      console.log(`指紋 / fingerprint: ${keyFingerprint(key)}`);
    });

  program
    .command('restore')
    .description(
      'バックアップを空のデータフォルダに復元し、件数とアクセス記録を検証します (restore a backup into an empty data directory, then verify rows and the log)',
    )
    .argument('<source>', 'バックアップファイルまたは s3://bucket/key (a backup file or an s3:// URL)')
    .requiredOption('--key-file <file>', 'バックアップ鍵のファイル (the backup key file)')
    .option('--data-dir <dir>', '復元先の空のデータフォルダ (an empty data directory; default: DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL: 空のデータベース (an empty database; default: DATABASE_URL)')
    .option(
      '--vault-key-file <file>',
      '保管庫の鍵ファイルの復元先 (where the vault key file goes; default: VAULT_KEY_FILE)',
    )
    .option('--sha256 <hex>', '記録したチェックサム (the SHA-256 recorded at backup time)')
    .option('--quiet', '進捗を表示しない (no progress bars)')
    .action(
      async (
        source: string,
        opts: {
          keyFile: string;
          dataDir?: string;
          databaseUrl?: string;
          vaultKeyFile?: string;
          sha256?: string;
          quiet?: boolean;
        },
      ) => {
        const config = loadConfig();
        const databaseUrl = opts.databaseUrl ?? (process.env.DATABASE_URL || undefined);
        const vaultKeyFile = opts.vaultKeyFile ?? (process.env.VAULT_KEY_FILE || undefined);
        const bars = progressBars(opts.quiet);
        const result = await restoreBackup({
          source,
          key: readBackupKey(opts.keyFile),
          target: {
            dataDir: opts.dataDir ?? config.dataDir,
            ...(databaseUrl ? { databaseUrl } : {}),
            ...(vaultKeyFile ? { vaultKeyFile } : {}),
          },
          s3: config.backup.s3,
          ...(opts.sha256 ? { expectSha256: opts.sha256 } : {}),
          onProgress: (p) => bars.onProgress(p),
        }).finally(() => bars.stop());
        const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
        console.log(`復元しました / restored: ${result.dialect}, ${result.createdAt}`);
        console.log(
          `件数 / rows: ${Object.keys(result.counts).length} tables, ${rows} rows — ${result.countsMatch ? '一致 / match' : '不一致 / MISMATCH'}`,
        );
        console.log(
          `アクセス記録 / log: ${result.logVerified ? '検証済み / verified' : '検証できません / NOT verified'}`,
        );
        for (const p of result.problems) console.error(`  - ${p}`);
        if (!result.countsMatch || !result.logVerified) process.exitCode = 1;
      },
    );
}
