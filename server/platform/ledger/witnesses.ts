import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database, Executor } from '../db/index.ts';
import type { LedgerWitnessTable } from '../db/schema-ledger.ts';
import type { Mailer } from '../mail/index.ts';
import { parseCheckpointText, type Checkpoint } from './note.ts';

/**
 * Witnesses (A22-2: prevent alteration of the log): every signed checkpoint is also kept outside the
 * database — in a directory on another disk or share, and in the mailbox of the 監査責任者 — so that
 * whoever can rewrite the database cannot also rewrite what was already witnessed. Where each witness
 * stands is kept in `ledger_witnesses` and shown in the UI; a failing witness never stops the log.
 */
export type WitnessKind = 'directory' | 'mail';
const KINDS: readonly WitnessKind[] = ['directory', 'mail'];

export interface Witness {
  /** Stable name, the key of its `ledger_witnesses` row. */
  name: string;
  kind: WitnessKind;
  /** Write at most once per this many ms (0: every checkpoint). */
  minIntervalMs: number;
  /** Keeps the checkpoint; throws (with a message free of personal data) when it cannot. */
  write(note: string, cp: Checkpoint): Promise<void>;
}

/**
 * A directory witness: `<dir>/checkpoint` always holds the latest signed note (replaced atomically:
 * temporary file, fsync, rename) and `<dir>/checkpoints.log` every note it was given, one after the
 * other. It refuses a checkpoint of a smaller tree than the one it holds, or another root hash for the
 * same size: a database restored or rolled back must not silently rewrite its witness. The directory
 * is never created, so an unmounted share fails visibly instead of filling the local disk.
 */
export function createDirectoryWitness(dir: string): Witness {
  const latest = path.join(dir, 'checkpoint');
  return {
    name: 'directory',
    kind: 'directory',
    minIntervalMs: 0,
    async write(note, cp) {
      const stat = await fs.stat(dir).catch(() => undefined);
      if (!stat?.isDirectory())
        throw new Error(`the witness directory ${dir} does not exist (is the disk or share mounted?)`);
      const held = await readHeld(latest);
      if (held) {
        if (held.note === note) return;
        const { checkpoint: h } = held;
        if (h.origin !== cp.origin)
          throw new Error(`refused: the witness holds a checkpoint of another log (${h.origin})`);
        if (h.treeSize > cp.treeSize)
          throw new Error(
            `refused: the witness holds tree size ${h.treeSize}, larger than ${cp.treeSize} (was the database restored or rolled back?)`,
          );
        if (h.treeSize === cp.treeSize && !h.rootHash.equals(cp.rootHash))
          throw new Error(`refused: the witness holds another root hash for tree size ${cp.treeSize}`);
      }
      await appendDurably(path.join(dir, 'checkpoints.log'), `${note}\n`);
      await replaceAtomically(dir, latest, note);
    },
  };
}

async function readHeld(file: string): Promise<{ note: string; checkpoint: Checkpoint } | undefined> {
  let note: string;
  try {
    note = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `the witness file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const split = note.lastIndexOf('\n\n');
  try {
    if (split < 0) throw new Error('no signature');
    return { note, checkpoint: parseCheckpointText(note.slice(0, split + 1)) };
  } catch {
    throw new Error(`refused: the witness file ${file} is not a checkpoint; move it aside to go on`);
  }
}

async function appendDurably(file: string, text: string): Promise<void> {
  const fh = await fs.open(file, 'a', 0o644);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function replaceAtomically(dir: string, file: string, text: string): Promise<void> {
  const tmp = path.join(dir, `.checkpoint.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await fs.open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  // The rename is durable only once the directory is synced (not possible on every platform).
  const d = await fs.open(dir, 'r').catch(() => undefined);
  await d?.sync().catch(() => undefined);
  await d?.close();
}

/** The signed notes of a `checkpoints.log` (or a single checkpoint file), oldest first. */
export function splitNotes(text: string): string[] {
  const notes: string[] = [];
  let lines: string[] = [];
  let signatures = 0;
  const flush = () => {
    if (signatures > 0) notes.push(`${lines.join('\n')}\n`);
    lines = [];
    signatures = 0;
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const inSignatures = lines.at(-1) === '' || signatures > 0;
    if (inSignatures && line.startsWith('— ')) {
      lines.push(line);
      signatures++;
    } else if (line === '') {
      if (signatures > 0) flush();
      else if (lines.length > 0 && !inSignatures) lines.push('');
    } else {
      if (inSignatures) flush();
      lines.push(line);
    }
  }
  flush();
  return notes;
}

export interface MailWitnessOptions {
  mailer: Mailer;
  /** The 監査責任者's addresses, resolved by the caller at each send (personal data: never logged). */
  recipients: () => Promise<string[]>;
  /** The verifier key of the log (NoteSigner.verifierKey), printed in the mail. */
  verifierKey: string;
  minIntervalMs: number;
}

/** A mail witness: mails the latest checkpoint to the 監査責任者, at most once per interval. */
export function createMailWitness({
  mailer,
  recipients,
  verifierKey,
  minIntervalMs,
}: MailWitnessOptions): Witness {
  return {
    name: 'mail',
    kind: 'mail',
    minIntervalMs,
    async write(note, cp) {
      if (!mailer.configured) throw new Error('mail is not configured (SMTP_URL is unset)');
      const to = await recipients();
      if (to.length === 0) throw new Error('no audit officer with mail');
      await mailer.send({ to, ...checkpointMail(note, cp, verifierKey) });
    },
  };
}

/** The mail that carries a checkpoint: what it is, how to keep it and how to check it (ja, then en). */
export function checkpointMail(note: string, cp: Checkpoint, verifierKey: string) {
  const file = `checkpoint-${cp.treeSize}.txt`;
  const facts = [
    `  origin: ${cp.origin}`,
    `  tree size: ${cp.treeSize}`,
    `  root hash: ${cp.rootHash.toString('base64')}`,
    `  time: ${cp.issuedAt}`,
    `  verifier key: ${verifierKey}`,
  ].join('\n');
  const text = `監査責任者 各位

Mamori のアクセス記録・監査記録（規則第65号 第22条）の最新のチェックポイントをお送りします。
チェックポイントは、その時点までの記録の件数（木の大きさ）と全件から計算したハッシュ（根ハッシュ）に
署名したものです。データベースの外で保管しておけば、後から記録が削除・改ざん・差し替えされていないことを
誰でも確かめられます。

${facts}

■ 保管のしかた
添付の ${file} を、Mamori のサーバーやデータベースの管理者が書き換えられない場所（ご自身の PC、
別のファイルサーバー、外部媒体など）に、内容を変えずに保存してください。このメールも削除せずに保管して
ください。添付を開けない場合は、本文末尾の「-----」の間を一字一句変えずにテキストファイルに保存してください。

■ 確かめかた
Mamori のサーバーで次のコマンドを実行します（FILE は保存したファイル）。
  npx mamori log verify --against FILE
記録がこのチェックポイントの内容を含んだまま正しく続いていれば成功（終了コード 0）し、そうでなければ
一致しない箇所を示して失敗します。署名は上の検証鍵（verifier key）で確かめます。検証鍵が以前のメールと
変わっている場合は、システム管理者に理由を確認してください。

-----

To the audit officer,

This is the latest checkpoint of Mamori's access and audit log (Rule 65, Article 22): a signature over
the number of entries so far (the tree size) and a hash over all of them (the root hash). Kept outside
the database, it lets anyone check later that no entry was deleted, altered or replaced.

How to keep it: save the attached ${file} unchanged somewhere the administrators of the Mamori server
and database cannot modify (your own computer, another file server, removable media), and keep this
mail. If the attachment cannot be opened, save the text between the "-----" lines below exactly.

How to check it: on the Mamori server run
  npx mamori log verify --against FILE
(FILE is the saved file). It succeeds (exit code 0) when the log still contains this checkpoint and
has only grown since; otherwise it fails and names what does not match. The signature is checked with
the verifier key above; if the key differs from earlier mails, ask the system administrator why.

-----
${note}-----
`;
  return {
    subject: `[Mamori] 記録のチェックポイント / Log checkpoint ${cp.origin} #${cp.treeSize}`,
    text,
    attachments: [{ filename: file, content: note }],
  };
}

export interface WitnessStatus {
  name: string;
  kind: WitnessKind;
  /** False for a kind not configured (no LOG_WITNESS_DIR, no SMTP_URL): shown so it can be set up. */
  configured: boolean;
  /** The tree size it last took, and when; its last failure (kept until the next success). */
  treeSize: number | null;
  witnessedAt: string | null;
  failedAt: string | null;
  failure: string | null;
  /** It holds the latest checkpoint, or (throttled witnesses) took one within its interval. */
  current: boolean;
}

export interface WitnessRunner {
  /** Gives a new checkpoint to every witness that is due. Never throws: failures are recorded. */
  onCheckpoint(note: string, cp: Checkpoint): Promise<void>;
  status(db: Executor, latestTreeSize: number): Promise<WitnessStatus[]>;
}

export interface WitnessRunnerOptions {
  database: Database;
  witnesses: Witness[];
  clock: Clock;
  /** Told when even the failure could not be recorded (the database is down). */
  log?: { warn(obj: object, msg: string): void };
}

/** A failed throttled witness (mail) is retried at the next checkpoint after this, not at every one. */
const RETRY_MS = 5 * 60_000;

type Row = LedgerWitnessTable;

/** Runs the witnesses, one checkpoint at a time, and reports where they stand. */
export function createWitnessRunner({
  database,
  witnesses,
  clock,
  log,
}: WitnessRunnerOptions): WitnessRunner {
  const { db } = database;
  let queue: Promise<void> = Promise.resolve();

  const due = (w: Witness, row: Row | undefined, now: number) => {
    if (w.minIntervalMs === 0 || !row) return true;
    if (row.witnessed_at && now - Date.parse(row.witnessed_at) < w.minIntervalMs) return false;
    const failedSinceSuccess = row.failed_at && (!row.witnessed_at || row.failed_at > row.witnessed_at);
    return !(failedSinceSuccess && now - Date.parse(row.failed_at!) < Math.min(w.minIntervalMs, RETRY_MS));
  };

  async function witness(w: Witness, note: string, cp: Checkpoint): Promise<void> {
    try {
      const row = await db
        .selectFrom('ledger_witnesses')
        .selectAll()
        .where('name', '=', w.name)
        .executeTakeFirst();
      if (!due(w, row, clock.now().getTime())) return;
      let failure: string | undefined;
      try {
        await w.write(note, cp);
      } catch (err) {
        failure = safeMessage(err);
      }
      const at = clock.now().toISOString();
      const base = { name: w.name, kind: w.kind };
      if (failure === undefined) {
        const set = {
          kind: w.kind,
          tree_size: cp.treeSize,
          witnessed_at: at,
          failed_at: null,
          failure: null,
        };
        await db
          .insertInto('ledger_witnesses')
          .values({ ...base, ...set })
          .onConflict((oc) => oc.column('name').doUpdateSet(set))
          .execute();
      } else {
        const set = { kind: w.kind, failed_at: at, failure };
        await db
          .insertInto('ledger_witnesses')
          .values({ ...base, tree_size: null, witnessed_at: null, ...set })
          .onConflict((oc) => oc.column('name').doUpdateSet(set))
          .execute();
      }
    } catch (err) {
      log?.warn({ witness: w.name, err: safeMessage(err) }, 'ledger witness state could not be recorded');
    }
  }

  return {
    onCheckpoint(note, cp) {
      const run = queue
        .then(() => Promise.all(witnesses.map((w) => witness(w, note, cp))))
        .then(() => undefined);
      queue = run.catch(() => undefined);
      return queue;
    },

    async status(executor, latestTreeSize) {
      const rows = await executor.selectFrom('ledger_witnesses').selectAll().execute();
      const now = clock.now().getTime();
      const view = (name: string, kind: WitnessKind, row: Row | undefined) => ({
        name,
        kind,
        treeSize: row?.tree_size ?? null,
        witnessedAt: row?.witnessed_at ?? null,
        failedAt: row?.failed_at ?? null,
        failure: row?.failure ?? null,
      });
      const out: WitnessStatus[] = witnesses.map((w) => {
        const row = rows.find((r) => r.name === w.name);
        const holdsLatest = (row?.tree_size ?? 0) >= latestTreeSize;
        const recent =
          w.minIntervalMs > 0 && !!row?.witnessed_at && now - Date.parse(row.witnessed_at) < w.minIntervalMs;
        return { ...view(w.name, w.kind, row), configured: true, current: holdsLatest || recent };
      });
      for (const kind of KINDS) {
        if (witnesses.some((w) => w.kind === kind)) continue;
        const row = rows.find((r) => r.kind === kind);
        out.push({ ...view(row?.name ?? kind, kind, row), configured: false, current: false });
      }
      // Directory first, then mail, whatever the order of configuration (a stable screen).
      return out.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
    },
  };
}

/** An error's message for the status table: no addresses, bounded length. */
function safeMessage(err: unknown): string {
  const message = err instanceof Error && err.message ? err.message : 'failed';
  return message.replace(/[^\s<>()"',;]+@[^\s<>()"',;]+/g, '<address>').slice(0, 1000);
}

export interface WitnessDeps {
  mailer: Mailer;
  recipients: () => Promise<string[]>;
  verifierKey: string;
}

/** The witnesses the configuration asks for: LOG_WITNESS_DIR, and mail when SMTP_URL is set. */
export function witnessesFromConfig(
  config: Pick<Config, 'logWitnessDir' | 'logWitnessMailMinutes'>,
  { mailer, recipients, verifierKey }: WitnessDeps,
): Witness[] {
  const list: Witness[] = [];
  if (config.logWitnessDir) list.push(createDirectoryWitness(config.logWitnessDir));
  if (mailer.configured)
    list.push(
      createMailWitness({
        mailer,
        recipients,
        verifierKey,
        minIntervalMs: config.logWitnessMailMinutes * 60_000,
      }),
    );
  return list;
}
