import { loadConfig } from './platform/config.ts';
import { createHttpApp, createServices, prepareDatabase } from './app.ts';
import { DEMO_PASSWORD, demoSignInLines } from './modules/organisation/demo/load-demo.ts';
import { DEMO_TOTP_SECRET } from './modules/identity/mfa/demo-totp.ts';

/** Starts Mamori: listen first (/healthz answers 503), migrate and prepare, then serve. */
async function main() {
  const config = loadConfig();
  // A22-2: a failing log is visible (administrators' log status page and the server's own log).
  let logError = (error: unknown, where: string) => console.error(`log ${where} failed:`, error);
  const services = createServices({ config, onLedgerError: (e, where) => logError(e, where) });
  const readiness = { ready: false };
  const http = await createHttpApp(services, readiness);
  logError = (error, where) =>
    http.log.error(
      { where, err: error instanceof Error ? error.message : String(error) },
      'access log failure',
    );
  await http.listen({ port: config.port, host: config.host });
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  const prepared = await prepareDatabase(services);
  services.ledger.start();
  services.scheduler.start();
  readiness.ready = true;

  const url = `http://localhost:${port}`;
  const lines = [``, `Mamori 個人情報管理 is running: ${url}`, `  database: ${services.database.dialect}`];
  if (prepared.demoLoaded || (config.demo && !prepared.setupToken)) {
    lines.push(
      `  デモ組織で起動しました。以下の職員番号でログインできます（パスワード共通: ${DEMO_PASSWORD}）:`,
    );
    lines.push(...(await demoSignInLines(services)).map((l) => `    ${l}`));
    lines.push(
      `  確認コード（二要素認証）: 認証アプリに ${DEMO_TOTP_SECRET} を登録するか、npx mamori demo totp <職員番号> で表示`,
    );
  }
  if (prepared.setupToken) {
    lines.push(`  初期設定: ブラウザで ${url}/setup を開き、次のセットアップ用トークンを入力してください。`);
    lines.push(`  setup token: ${prepared.setupToken}`);
  }
  console.log(lines.join('\n'));

  const stop = async (signal: string) => {
    http.log.info({ signal }, 'shutting down');
    readiness.ready = false;
    services.scheduler.stop();
    await http.close();
    await services.ledger.stop();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Mamori failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
