import { Command } from 'commander';
import { ERRORS } from '../../shared/errors.ts';
import { createServices, type Services } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { migrate } from '../platform/db/index.ts';
import { isAppError } from '../platform/errors.ts';
import {
  DEMO_PASSWORD,
  demoSignInLines,
  loadDemo,
  removeDemo,
} from '../modules/organisation/demo/load-demo.ts';
import { DEMO_TOTP_SECRET, demoTotpCode } from '../modules/identity/mfa/demo-totp.ts';
import { cliCtx } from './cli-context.ts';
import { readPassword } from './read-password.ts';
import { logCommands } from './log-commands.ts';
import { keyCommands } from './key-commands.ts';
import { vaultCommands } from './vault-commands.ts';
import { backupCommands } from './backup-commands.ts';

/**
 * The `mamori` command. It calls the same services as the HTTP API, as an identified actor
 * (cli:<account>), against DATABASE_URL or the SQLite file in DATA_DIR.
 */
async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const services = createServices({ config: loadConfig() });
  try {
    await migrate(services.database);
    return await fn(services);
  } finally {
    await services.database.close();
  }
}

const program = new Command('mamori')
  .description('Mamori 個人情報管理 — 国立高等専門学校機構 規則第65号')
  .showHelpAfterError();

program
  .command('migrate')
  .description('データベースを最新の構造に更新します (apply database migrations)')
  .action(async () => {
    const services = createServices({ config: loadConfig() });
    try {
      const applied = await migrate(services.database);
      console.log(
        applied.length ? `適用しました / applied: ${applied.join(', ')}` : '最新です / already up to date',
      );
    } finally {
      await services.database.close();
    }
  });

const demo = program.command('demo').description('デモ組織 (the demo organisation)');
demo
  .command('load')
  .description('空のデータベースにデモ組織を読み込みます (load the demo into an empty database)')
  .action(() =>
    withServices(async (s) => {
      const counts = await loadDemo(s);
      console.log(
        `デモ組織を読み込みました / demo loaded: ${counts.units} units, ${counts.people} people, ${counts.appointments} appointments`,
      );
      console.log(`パスワード共通 / password: ${DEMO_PASSWORD}`);
      for (const line of await demoSignInLines(s)) console.log(`  ${line}`);
      console.log(`確認コード / TOTP seed: ${DEMO_TOTP_SECRET} (npx mamori demo totp <職員番号>)`);
    }),
  );
demo
  .command('remove')
  .description('デモ組織を削除します (remove the demo organisation; the audit trail is kept)')
  .action(() =>
    withServices(async (s) => {
      await removeDemo(s);
      console.log('デモ組織を削除しました / demo removed');
    }),
  );

demo
  .command('totp')
  .description(
    'デモ用アカウントの現在の確認コードを表示します (print the current TOTP code of a demo account)',
  )
  .argument('<employeeNumber>', '職員番号')
  .action((employeeNumber: string) =>
    withServices(async (s) => {
      const { code, secondsLeft } = await demoTotpCode(s, employeeNumber);
      console.log(`${code}  (あと ${secondsLeft} 秒 / ${secondsLeft} s left)`);
    }),
  );

const admin = program.command('admin').description('システム管理者 (administrators)');
admin
  .command('create')
  .description('システム管理者を登録します (create a system administrator)')
  .requiredOption('--employee-number <number>', '職員番号')
  .requiredOption('--family-name <name>', '姓')
  .requiredOption('--given-name <name>', '名')
  .requiredOption('--family-name-kana <kana>', '姓（カナ）')
  .requiredOption('--given-name-kana <kana>', '名（カナ）')
  .requiredOption('--email <address>', 'メールアドレス')
  .option('--unit <code>', '所属の学校等コード (default: the headquarters)')
  .option('--password-stdin', 'パスワードを標準入力から読む (read the password from standard input)')
  .action(
    (opts: {
      employeeNumber: string;
      familyName: string;
      givenName: string;
      familyNameKana: string;
      givenNameKana: string;
      email: string;
      unit?: string;
      passwordStdin?: boolean;
    }) =>
      withServices(async (s) => {
        const password = await readPassword(opts.passwordStdin === true);
        await s.setup.createAdministrator(cliCtx(), { ...opts, unitCode: opts.unit, password });
        console.log(`システム管理者を登録しました / administrator created: ${opts.employeeNumber}`);
      }),
  );

logCommands(program, withServices);
keyCommands(program, withServices);
backupCommands(program, withServices);
vaultCommands(program, withServices);

program.parseAsync().catch((error: unknown) => {
  if (isAppError(error)) {
    console.error(
      `エラー [${error.code}]: ${ERRORS[error.code].ja}\nError [${error.code}]: ${ERRORS[error.code].en}`,
    );
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
