import fs from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { Services } from '../app.ts';
import { verifyHistoryBundle } from '../platform/ledger/history-bundle.ts';
import { splitNotes } from '../platform/ledger/witnesses.ts';
import { cliCtx } from './cli-context.ts';

type WithServices = <T>(fn: (s: Services) => Promise<T>) => Promise<T>;

/** A verifier key given as text or as a file holding it. */
const readKey = (value: string) =>
  fs.existsSync(value) ? fs.readFileSync(value, 'utf8').trim() : value.trim();

/**
 * `mamori log …` (A22-2): verify the whole log (optionally against witnessed checkpoints), print the
 * latest checkpoint, prove inclusion and consistency, prune after the retention period.
 */
export function logCommands(program: Command, withServices: WithServices) {
  const log = program.command('log').description('アクセス記録 (the verifiable log, A22)');

  log
    .command('verify')
    .description(
      'すべての記録と木を再計算し、署名済みチェックポイントと照合します (recompute every leaf and the tree; check every checkpoint)',
    )
    .option('--against <file...>', '外部に保管したチェックポイント (witnessed checkpoint files)')
    .option('--key <key>', '検証鍵またはそのファイル (verifier key, or a file holding it)')
    .option('--quiet', '進捗を表示しない (no progress bar)')
    .action((opts: { against?: string[]; key?: string; quiet?: boolean }) =>
      withServices(async (s) => {
        const against = (opts.against ?? []).flatMap((file) =>
          splitNotes(fs.readFileSync(file, 'utf8')).map((note, i) => ({ label: `${file}#${i + 1}`, note })),
        );
        if (s.config.logWitnessDir) {
          const witnessed = `${s.config.logWitnessDir}/checkpoint`;
          if (fs.existsSync(witnessed))
            against.push({ label: witnessed, note: fs.readFileSync(witnessed, 'utf8') });
        }
        const bar = new SingleBar(
          {
            format: '検証中 verifying [{bar}] {percentage}% | {value}/{total} leaves | {eta_formatted}',
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
        let started = false;
        const result = await s.ledger.verify(s.database.db, {
          against,
          ...(opts.key ? { verifierKey: readKey(opts.key) } : {}),
          onProgress: (done, total) => {
            if (opts.quiet || !process.stderr.isTTY) return;
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          },
        });
        if (started) bar.stop();
        const summary = `tree size ${result.treeSize}, ${result.leavesChecked} leaves, ${result.checkpointsChecked} checkpoints, ${against.length} witnessed, ${result.pending} pending`;
        if (result.ok) {
          console.log(`改ざんは検出されませんでした / intact: ${summary}`);
          return;
        }
        console.error(`改ざんまたは欠落を検出しました / NOT intact: ${summary}`);
        const first = result.problems[0]!;
        console.error(`最初の不一致 / first mismatch: ${first.message}`);
        for (const p of result.problems.slice(1, 20)) console.error(`  - ${p.message}`);
        if (result.problems.length > 20) console.error(`  … ${result.problems.length - 20} more`);
        process.exitCode = 1;
      }),
    );

  log
    .command('checkpoint')
    .description('最新の署名済みチェックポイントを表示します (print the latest signed checkpoint)')
    .option('--key', '検証鍵を表示します (print the verifier key instead)')
    .action((opts: { key?: boolean }) =>
      withServices(async (s) => {
        if (opts.key) {
          console.log(s.ledger.verifierKey);
          return;
        }
        const latest = await s.ledger.latestCheckpoint(s.database.db);
        if (!latest) {
          console.error('チェックポイントはまだありません / no checkpoint yet');
          process.exitCode = 1;
          return;
        }
        process.stdout.write(latest.note);
      }),
    );

  log
    .command('prove')
    .description('記録が木に含まれることの証明 (inclusion proof of an entry)')
    .argument('<entry>', '記録のID または 葉番号 (entry id or leaf number)')
    .option('--size <n>', 'チェックポイントの大きさ (tree size of the checkpoint; default: latest)')
    .action((entry: string, opts: { size?: string }) =>
      withServices(async (s) => {
        const leaf = /^\d+$/.test(entry)
          ? Number(entry)
          : (await s.ledger.get(s.database.db, entry))?.leafIndex;
        if (leaf === undefined || leaf === null) throw new Error(`no sequenced entry ${entry}`);
        const p = await s.ledger.proveInclusion(
          s.database.db,
          leaf,
          opts.size ? Number(opts.size) : undefined,
        );
        console.log(
          JSON.stringify(
            {
              leafIndex: p.leafIndex,
              treeSize: p.treeSize,
              leafHash: p.leafHash.toString('base64'),
              proof: p.proof.map((h) => h.toString('base64')),
              checkpoint: p.checkpoint,
            },
            null,
            2,
          ),
        );
      }),
    );

  log
    .command('verify-history')
    .description(
      'アクセス履歴の証明を検証します。データベースは使いません (verify an access-history bundle offline, issue 12)',
    )
    .argument('<bundle>', 'アクセス履歴の電子データ (the bundle, mamori-access-history/v1 JSON)')
    .requiredOption(
      '--key <key>',
      '検証鍵またはそのファイル (verifier key from /log/key, or a file holding it)',
    )
    .option('--checkpoint <file>', '公開されたチェックポイント (the checkpoint published at /log/checkpoint)')
    .action((file: string, opts: { key: string; checkpoint?: string }) => {
      // Deliberately without withServices: the person's check trusts no database and no server.
      const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        entries?: { shown?: Record<string, unknown> }[];
      };
      const r = verifyHistoryBundle(bundle, {
        verifierKey: readKey(opts.key),
        ...(opts.checkpoint ? { publishedCheckpoint: fs.readFileSync(opts.checkpoint, 'utf8') } : {}),
      });
      r.entries.forEach((e, i) => {
        const shown = bundle.entries?.[i]?.shown ?? {};
        const said = [shown.occurredAt, shown.action, shown.purpose]
          .filter((x) => typeof x === 'string')
          .join(' ');
        const what = [...e.problems, ...e.notes].join('; ');
        console.log(
          `${e.ok ? 'OK' : 'NG'}  葉 leaf ${e.leafIndex ?? '?'}  ${said}${what ? `  — ${what}` : ''}`,
        );
      });
      for (const n of r.notes) console.log(`注 note: ${n}`);
      for (const p of r.problems) console.error(`不一致 problem: ${p}`);
      const failed = r.entries.filter((e) => !e.ok).length;
      const cp = r.checkpoint
        ? `tree size ${r.checkpoint.treeSize}, root ${r.checkpoint.rootHash}`
        : 'no checkpoint';
      if (r.ok) {
        console.log(
          `改ざんは検出されませんでした（${r.entries.length}件） / verified: ${r.entries.length} entries, ${cp}`,
        );
        return;
      }
      console.error(
        `検証に失敗しました（${failed}件の不一致） / NOT verified: ${failed} of ${r.entries.length} entries failed, ${r.problems.length} bundle problems, ${cp}`,
      );
      process.exitCode = 1;
    });

  log
    .command('consistency')
    .description('チェックポイント間の一貫性の証明 (consistency proof between two checkpoints)')
    .argument('<from>', '前の木の大きさ (earlier tree size)')
    .argument('[to]', '後の木の大きさ (later tree size; default: latest)')
    .action((from: string, to: string | undefined) =>
      withServices(async (s) => {
        const p = await s.ledger.proveConsistency(s.database.db, Number(from), to ? Number(to) : undefined);
        console.log(
          JSON.stringify(
            {
              from: p.from,
              to: p.to,
              proof: p.proof.map((h) => h.toString('base64')),
              fromCheckpoint: p.fromCheckpoint,
              toCheckpoint: p.toCheckpoint,
            },
            null,
            2,
          ),
        );
      }),
    );

  log
    .command('prune')
    .description(
      '保存期間を過ぎた記録の詳細を削除します (prune details past the retention period; leaf hashes stay)',
    )
    .action(() =>
      withServices(async (s) => {
        const r = await s.logs.status.prune(cliCtx());
        console.log(
          `削除 / pruned: access ${r.access.pruned} (before ${r.access.before}), audit ${r.audit.pruned} (before ${r.audit.before})`,
        );
      }),
    );

  log
    .command('sequence')
    .description('未処理の記録を木に追加し、チェックポイントに署名します (sequence pending entries now)')
    .action(() =>
      withServices(async (s) => {
        console.log(`tree size ${await s.ledger.sequence()}`);
      }),
    );
}
