import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { mailParts as parts, mailSubject as subjectOf, startSmtp } from '../../../tests/support/smtp.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toTokyoDate, type Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { createMailer } from '../mail/index.ts';
import { databases, openTestDatabase } from '../../../tests/support/databases.ts';
import { createNoteSigner, openNote, parseVerifierKey, signCheckpoint, type Checkpoint } from './note.ts';
import {
  createDirectoryWitness,
  createMailWitness,
  createWitnessRunner,
  splitNotes,
  witnessesFromConfig,
  type Witness,
} from './witnesses.ts';

const ORIGIN = 'mamori.example.test/mamori-log';
const signer = createNoteSigner(ORIGIN, randomBytes(32));
const HOUR = 3_600_000;

function checkpoint(treeSize: number, issuedAt = '2026-04-01T00:00:00.000Z', root?: Buffer) {
  const cp: Checkpoint = {
    origin: ORIGIN,
    treeSize,
    rootHash: root ?? Buffer.alloc(32, treeSize % 256),
    issuedAt,
  };
  return { cp, note: signCheckpoint(signer, cp) };
}

/** A clock the test moves by hand. */
function manualClock(iso: string): Clock & { advance(ms: number): void } {
  let at = Date.parse(iso);
  return {
    now: () => new Date(at),
    today: () => toTokyoDate(new Date(at)),
    advance: (ms) => {
      at += ms;
    },
  };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-witness-'));

describe('a directory witness (A22-2)', () => {
  it('A22-2: keeps the signed note in <dir>/checkpoint byte for byte and every note in checkpoints.log', async () => {
    const dir = tempDir();
    const w = createDirectoryWitness(dir);
    const first = checkpoint(3);
    const second = checkpoint(7);
    await w.write(first.note, first.cp);
    await w.write(second.note, second.cp);
    await w.write(second.note, second.cp); // the same checkpoint again changes nothing
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe(second.note);
    expect(
      openNote(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8'), parseVerifierKey(signer.verifierKey)),
    ).toContain(`${ORIGIN}\n7\n`);
    expect(splitNotes(fs.readFileSync(path.join(dir, 'checkpoints.log'), 'utf8'))).toEqual([
      first.note,
      second.note,
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['checkpoint', 'checkpoints.log']); // no temporary file left
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('A22-2: refuses a smaller tree (a rolled-back database) and another root for the same size', async () => {
    const dir = tempDir();
    const w = createDirectoryWitness(dir);
    const big = checkpoint(10);
    await w.write(big.note, big.cp);
    const small = checkpoint(5);
    await expect(w.write(small.note, small.cp)).rejects.toThrow(/larger than 5/);
    const fork = checkpoint(10, '2026-04-02T00:00:00.000Z', Buffer.alloc(32, 0xee));
    await expect(w.write(fork.note, fork.cp)).rejects.toThrow(/another root hash/);
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe(big.note);
    expect(splitNotes(fs.readFileSync(path.join(dir, 'checkpoints.log'), 'utf8'))).toEqual([big.note]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a missing directory (an unmounted share) fails instead of being created', async () => {
    const dir = path.join(tempDir(), 'not-mounted');
    const { note, cp } = checkpoint(1);
    await expect(createDirectoryWitness(dir).write(note, cp)).rejects.toThrow(/does not exist/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('splitNotes reads a log of notes, ignoring what is not a signed note', () => {
    const a = checkpoint(1).note;
    const b = checkpoint(2).note;
    expect(splitNotes(`${a}\n${b}\n`)).toEqual([a, b]);
    expect(splitNotes(a)).toEqual([a]);
    expect(splitNotes(`garbage\n\n${b}`)).toEqual([b]);
  });
});

describe('witnessesFromConfig', () => {
  it('builds a directory witness from LOG_WITNESS_DIR and a mail witness when SMTP is configured', () => {
    const deps = { recipients: () => Promise.resolve([]), verifierKey: signer.verifierKey };
    const none = witnessesFromConfig(
      { logWitnessDir: undefined, logWitnessMailMinutes: 1440 },
      { ...deps, mailer: createMailer({ smtpUrl: undefined, from: 'm@x.test' }) },
    );
    expect(none).toEqual([]);
    const both = witnessesFromConfig(
      { logWitnessDir: '/mnt/witness', logWitnessMailMinutes: 60 },
      { ...deps, mailer: createMailer({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'm@x.test' }) },
    );
    expect(both.map((w) => [w.kind, w.minIntervalMs])).toEqual([
      ['directory', 0],
      ['mail', HOUR],
    ]);
  });
});

describe.each(databases)('the witness runner on %s (A22-2)', (kind) => {
  let database: Database;
  let dir: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const officers = ['kansa@kosen.example.test'];

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    dir = tempDir();
    smtp.messages.length = 0;
    return () => fs.rmSync(dir, { recursive: true, force: true });
  });

  const mailWitness = (recipients = officers, minIntervalMs = 24 * HOUR) =>
    createMailWitness({
      mailer: createMailer({ smtpUrl: smtp.url, from: 'mamori@kosen.example.test' }),
      recipients: () => Promise.resolve(recipients),
      verifierKey: signer.verifierKey,
      minIntervalMs,
    });

  it('A22-2: each checkpoint lands in the directory, and the status says the witness is current', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    const runner = createWitnessRunner({ database, witnesses: [createDirectoryWitness(dir)], clock });
    const { note, cp } = checkpoint(4);
    await runner.onCheckpoint(note, cp);
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe(note);
    const [directory, mail] = await runner.status(database.db, 4);
    expect(directory).toEqual({
      name: 'directory',
      kind: 'directory',
      configured: true,
      treeSize: 4,
      witnessedAt: '2026-04-01T00:00:00.000Z',
      failedAt: null,
      failure: null,
      current: true,
    });
    expect(mail).toMatchObject({ kind: 'mail', configured: false, current: false, treeSize: null });
    // The log grew but no checkpoint reached the witness yet: it is behind.
    expect((await runner.status(database.db, 9))[0]!.current).toBe(false);
  });

  it('A22-2: a smaller tree after a rollback is refused and shows as a failure; the file keeps the larger', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    const runner = createWitnessRunner({ database, witnesses: [createDirectoryWitness(dir)], clock });
    const big = checkpoint(10);
    await runner.onCheckpoint(big.note, big.cp);
    clock.advance(60_000);
    const small = checkpoint(6, '2026-04-01T00:01:00.000Z');
    await expect(runner.onCheckpoint(small.note, small.cp)).resolves.toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe(big.note);
    const [directory] = await runner.status(database.db, 6);
    expect(directory).toMatchObject({ treeSize: 10, failedAt: '2026-04-01T00:01:00.000Z' });
    expect(directory!.failure).toMatch(/refused: .*tree size 10, larger than 6/);
    // A later, larger checkpoint is accepted again and clears the failure.
    clock.advance(60_000);
    const next = checkpoint(12, '2026-04-01T00:02:00.000Z');
    await runner.onCheckpoint(next.note, next.cp);
    expect((await runner.status(database.db, 12))[0]).toMatchObject({
      treeSize: 12,
      failure: null,
      failedAt: null,
      current: true,
    });
  });

  it('A22-2: the checkpoint is mailed to the 監査責任者 with the note, the verifier key and how to check it', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    const runner = createWitnessRunner({ database, witnesses: [mailWitness()], clock });
    const { note, cp } = checkpoint(20);
    await runner.onCheckpoint(note, cp);
    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.to).toEqual(officers);
    expect(subjectOf(m!.raw)).toBe(`[Mamori] 記録のチェックポイント / Log checkpoint ${ORIGIN} #20`);
    const p = parts(m!.raw);
    expect(p.get('checkpoint-20.txt')).toBe(note);
    const body = p.get('')!;
    expect(body).toContain(note);
    expect(body).toContain(signer.verifierKey);
    expect(body).toContain('npx mamori log verify --against FILE');
    expect(body).toContain('保管のしかた');
    expect(body).toContain('How to keep it');
    const [directory, mail] = await runner.status(database.db, 20);
    expect(directory).toMatchObject({ kind: 'directory', configured: false });
    expect(mail).toMatchObject({ name: 'mail', configured: true, treeSize: 20, current: true });
  });

  it('A22-2: a mail witness sends at most once per interval, and is current within it', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    const runner = createWitnessRunner({
      database,
      witnesses: [createDirectoryWitness(dir), mailWitness(officers, 24 * HOUR)],
      clock,
    });
    for (const size of [1, 2, 3]) {
      const { note, cp } = checkpoint(size);
      await runner.onCheckpoint(note, cp);
      clock.advance(HOUR);
    }
    expect(smtp.messages).toHaveLength(1);
    expect(parts(smtp.messages[0]!.raw).get('checkpoint-1.txt')).toBe(checkpoint(1).note);
    const [directory, mail] = await runner.status(database.db, 3);
    expect(directory).toMatchObject({ treeSize: 3, current: true });
    expect(mail).toMatchObject({ treeSize: 1, current: true }); // behind, but within its interval
    clock.advance(22 * HOUR); // 25 h after the first mail
    expect((await runner.status(database.db, 3))[1]!.current).toBe(false);
    const later = checkpoint(4);
    await runner.onCheckpoint(later.note, later.cp);
    expect(smtp.messages).toHaveLength(2);
    expect((await runner.status(database.db, 4))[1]).toMatchObject({ treeSize: 4, current: true });
  });

  it('A22-2: a failing witness is recorded without personal data and does not stop the others or the log', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    const broken: Witness = {
      name: 'broken',
      kind: 'directory',
      minIntervalMs: 0,
      write: () => Promise.reject(new Error('cannot reach share of taro.yamada@kosen.example.test')),
    };
    const runner = createWitnessRunner({
      database,
      witnesses: [broken, createDirectoryWitness(dir), mailWitness([])],
      clock,
    });
    const { note, cp } = checkpoint(8);
    await expect(runner.onCheckpoint(note, cp)).resolves.toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe(note);
    expect(smtp.messages).toHaveLength(0);
    const status = await runner.status(database.db, 8);
    expect(status.map((s) => [s.name, s.current, s.failure])).toEqual([
      ['broken', false, 'cannot reach share of <address>'],
      ['directory', true, null],
      ['mail', false, 'no audit officer with mail'],
    ]);
    expect(status[2]!.failedAt).toBe('2026-04-01T00:00:00.000Z');
  });

  it('a failed mail is retried at a later checkpoint, not at every one, and then succeeds', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    let recipients: string[] = [];
    const runner = createWitnessRunner({
      database,
      witnesses: [
        createMailWitness({
          mailer: createMailer({ smtpUrl: smtp.url, from: 'mamori@kosen.example.test' }),
          recipients: () => Promise.resolve(recipients),
          verifierKey: signer.verifierKey,
          minIntervalMs: 24 * HOUR,
        }),
      ],
      clock,
    });
    await runner.onCheckpoint(checkpoint(1).note, checkpoint(1).cp);
    recipients = officers; // an audit officer's address is registered
    clock.advance(60_000);
    await runner.onCheckpoint(checkpoint(2).note, checkpoint(2).cp);
    expect(smtp.messages).toHaveLength(0);
    clock.advance(5 * 60_000);
    await runner.onCheckpoint(checkpoint(3).note, checkpoint(3).cp);
    expect(smtp.messages).toHaveLength(1);
    expect((await runner.status(database.db, 3))[1]).toMatchObject({
      name: 'mail',
      treeSize: 3,
      failure: null,
      current: true,
    });
  });

  it('checkpoints given at once are witnessed in order', async () => {
    const clock = manualClock('2026-04-01T00:00:00Z');
    const runner = createWitnessRunner({ database, witnesses: [createDirectoryWitness(dir)], clock });
    await Promise.all([1, 2, 3, 4].map((n) => runner.onCheckpoint(checkpoint(n).note, checkpoint(n).cp)));
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).toBe(checkpoint(4).note);
    expect(splitNotes(fs.readFileSync(path.join(dir, 'checkpoints.log'), 'utf8'))).toHaveLength(4);
    expect((await runner.status(database.db, 4))[0]).toMatchObject({ treeSize: 4, failure: null });
  });
});
