import type { Command } from 'commander';
import type { Services } from '../app.ts';
import { createFileKekProvider } from '../platform/crypto/index.ts';
import { cliCtx } from './cli-context.ts';
import { rewrapDataKeys } from '../modules/vault/key-rotation.ts';

type WithServices = <T>(fn: (s: Services) => Promise<T>) => Promise<T>;

/**
 * `mamori keys …` (A25): the vault's key-encryption keys in their key file (VAULT_KEY_FILE). Rotation
 * adds a version and makes it current while the servers run: they notice within a second, and keys
 * wrapped under older versions keep opening until they are re-wrapped. No key material is printed.
 */
export function keyCommands(program: Command, withServices: WithServices) {
  const keys = program.command('keys').description('保管庫の鍵 (the vault’s key-encryption keys, A25)');

  keys
    .command('status')
    .description('鍵ファイルの場所と版を表示します (where the key file is and which versions it holds)')
    .action(() =>
      withServices((s) => {
        const kek = createFileKekProvider(s.config.vaultKeyFile);
        console.log(`鍵ファイル / key file: ${s.config.vaultKeyFile}`);
        console.log(`現在の版 / current version: ${kek.current().version}`);
        console.log(`保持している版 / versions held: ${kek.versions().join(', ')}`);
        return Promise.resolve();
      }),
    );

  keys
    .command('rotate')
    .description(
      '新しい版の鍵を作り、以後の暗号化に使います（停止不要） (add a new key version and use it from now on; no downtime)',
    )
    .action(() =>
      withServices(async (s) => {
        const kek = createFileKekProvider(s.config.vaultKeyFile);
        const before = kek.current().version;
        const version = await kek.rotate();
        // Data keys wrapped under older versions are wrapped again under the new one (servers keep running).
        const rewrapped = await rewrapDataKeys({ database: s.database, kek });
        // An administrative act on the safeguards (A25): in the audit trail like any other change.
        await s.database.transaction((tx) =>
          s.ledger.audit(tx, cliCtx(), {
            type: 'vault.kek_rotated',
            subjectType: 'vault_kek',
            subjectId: 'vault-kek',
            before: { version: before },
            after: { version },
            data: { rewrapped },
          }),
        );
        console.log(`鍵を更新しました / rotated: version ${before} → ${version}`);
        console.log(`データ鍵を新しい版で包み直しました / data keys re-wrapped: ${rewrapped}`);
      }),
    );
}
