import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  createNoteSigner,
  openNote,
  parseCheckpointText,
  parseVerifierKey,
  signCheckpoint,
  type Checkpoint,
} from './note.ts';

/**
 * A22: checkpoints leave the database for witnesses, so they must be C2SP signed notes that
 * third-party tools (Go's golang.org/x/mod/sumdb/note, transparency-dev) open unchanged.
 */

// Known answers from golang.org/x/mod sumdb/note/note_test.go (TestSign, TestOpen, TestVerifierList):
// the signer key is "PRIVATE+KEY+PeterNeumann+c74f20a3+" + base64(0x01 || Ed25519 seed).
const PETER_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const PETER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_KEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

const checkpoint: Checkpoint = {
  origin: 'mamori.example.kosen-k.go.jp/log',
  treeSize: 1234,
  rootHash: createHash('sha256').update('root').digest(),
  issuedAt: '2026-11-29T05:00:00.000Z',
};
const signer = createNoteSigner('mamori-test', Buffer.alloc(32, 7));
const verifier = parseVerifierKey(signer.verifierKey);
const note = signCheckpoint(signer, checkpoint);

describe('interoperability with golang.org/x/mod/sumdb/note (known answers)', () => {
  const peter = createNoteSigner('PeterNeumann', PETER_SEED);

  it('derives the same verifier key and key id from the same seed', () => {
    expect(peter.verifierKey).toBe(PETER_KEY);
    expect(peter.keyId.toString('hex')).toBe('c74f20a3');
  });

  it('signs the same text to the byte-identical note Go produces', () => {
    expect(peter.sign(GO_TEXT)).toBe(`${GO_TEXT}\n${PETER_SIG}`);
  });

  it('opens Go-signed notes, ignoring signatures by other keys', () => {
    const goNote = `${GO_TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect(openNote(goNote, parseVerifierKey(PETER_KEY))).toBe(GO_TEXT);
    expect(openNote(goNote, parseVerifierKey(ENOCH_KEY))).toBe(GO_TEXT);
    expect(() => openNote(`${GO_TEXT}\n${ENOCH_SIG}`, parseVerifierKey(PETER_KEY))).toThrow(
      /not signed by this key/,
    );
  });

  it('refuses the malformed notes Go refuses', () => {
    const peterVerifier = parseVerifierKey(PETER_KEY);
    const bad = [
      GO_TEXT,
      `${GO_TEXT}\n`,
      `${GO_TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${GO_TEXT}\n${PETER_SIG}`,
      `${GO_TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${GO_TEXT}\n${PETER_SIG}Unexpected line.\n`,
      // Go's "invalid signature": four characters inserted into the base64.
      `${GO_TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`,
    ];
    for (const n of bad) expect(() => openNote(n, peterVerifier)).toThrow();
  });

  it('refuses every substring and every one-character change of a verifier key (Go TestNewVerifier)', () => {
    expect(parseVerifierKey(PETER_KEY).keyId.toString('hex')).toBe('c74f20a3');
    for (let i = 0; i <= PETER_KEY.length; i++)
      for (let j = i + 1; j <= PETER_KEY.length; j++)
        if (i !== 0 || j !== PETER_KEY.length)
          expect(() => parseVerifierKey(PETER_KEY.slice(i, j))).toThrow();
    for (let i = 0; i < PETER_KEY.length; i++) {
      const changed =
        PETER_KEY.slice(0, i) + String.fromCharCode(PETER_KEY.charCodeAt(i) + 1) + PETER_KEY.slice(i + 1);
      expect(() => parseVerifierKey(changed), changed).toThrow();
    }
    // Wrong key length and unknown algorithm, each with a key id recomputed to match.
    expect(() =>
      parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
    ).toThrow();
    expect(() =>
      parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toThrow();
  });
});

describe('verifier keys (c2sp.org/signed-note)', () => {
  it('are <name>+<8 hex>+<base64(0x01 || key)> with key id SHA-256(name || LF || 0x01 || key)[:4]', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.stringMatching(/^[A-Za-z0-9.\-_/]{1,30}$/),
        (seed, name) => {
          const s = createNoteSigner(name, Buffer.from(seed));
          const m = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44})$/.exec(s.verifierKey);
          expect(m).not.toBeNull();
          expect(m![1]).toBe(name);
          const raw = Buffer.from(m![3]!, 'base64');
          expect(raw.length).toBe(33);
          expect(raw[0]).toBe(0x01);
          expect(raw.subarray(1).equals(s.publicKey)).toBe(true);
          const id = createHash('sha256')
            .update(Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, 0x01]), raw.subarray(1)]))
            .digest()
            .subarray(0, 4);
          expect(m![2]).toBe(id.toString('hex'));
          expect(s.keyId.equals(id)).toBe(true);
          // Base64 keys contain '+' about half the time: the parser must still take them back.
          const parsed = parseVerifierKey(s.verifierKey);
          expect(parsed.name).toBe(name);
          expect(parsed.keyId.equals(id)).toBe(true);

          // The signature line is base64(key id || Ed25519 signature over the text), checked with a key
          // built from the JWK form, not by note.ts.
          const text = `${name}\n1\n`;
          const line = s.sign(text).split('\n').at(-2)!;
          expect(line.startsWith(`— ${name} `)).toBe(true);
          const blob = Buffer.from(line.slice(`— ${name} `.length), 'base64');
          expect(blob.subarray(0, 4).equals(id)).toBe(true);
          const key = createPublicKey({
            key: { kty: 'OKP', crv: 'Ed25519', x: s.publicKey.toString('base64url') },
            format: 'jwk',
          });
          expect(verify(null, Buffer.from(text), key, blob.subarray(4))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses seeds that are not 32 bytes and names with spaces or plus signs', () => {
    expect(() => createNoteSigner('a', Buffer.alloc(31))).toThrow();
    expect(() => createNoteSigner('a b', Buffer.alloc(32))).toThrow();
    expect(() => createNoteSigner('a+b', Buffer.alloc(32))).toThrow();
    expect(() => createNoteSigner('', Buffer.alloc(32))).toThrow();
  });
});

describe('signed checkpoints (c2sp.org/tlog-checkpoint, A22)', () => {
  it('has the tlog-checkpoint body: origin, size, base64 root, then the time extension line', () => {
    expect(checkpointText(checkpoint)).toBe(
      `${checkpoint.origin}\n1234\n${checkpoint.rootHash.toString('base64')}\ntime 2026-11-29T05:00:00.000Z\n`,
    );
    expect(note).toBe(`${checkpointText(checkpoint)}\n— mamori-test ${note.split(' ').at(-1)}`);
  });

  it('round-trips: sign, open, parse give back the checkpoint', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,40}$/),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (origin, treeSize, root, date) => {
          const c = { origin, treeSize, rootHash: Buffer.from(root), issuedAt: date.toISOString() };
          const opened = openNote(signCheckpoint(signer, c), verifier);
          expect(opened).toBe(checkpointText(c));
          const back = parseCheckpointText(opened);
          expect({ ...back, rootHash: back.rootHash.toString('hex') }).toEqual({
            ...c,
            rootHash: c.rootHash.toString('hex'),
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses any one changed character anywhere in the note, text or signature', () => {
    const refused = (n: string) => {
      try {
        openNote(n, verifier);
        return false;
      } catch {
        return true;
      }
    };
    const chars = [...note];
    for (let i = 0; i < chars.length; i++)
      for (const replacement of ['A', 'B', '0', '/', '=', '!', ' ', '\n']) {
        if (chars[i] === replacement) continue;
        const changed = [...chars.slice(0, i), replacement, ...chars.slice(i + 1)].join('');
        expect(refused(changed), JSON.stringify({ i, replacement })).toBe(true);
      }
  });

  it('refuses a note signed by another key, or by a different key under the same name', () => {
    const other = createNoteSigner('other', randomBytes(32));
    expect(() => openNote(note, parseVerifierKey(other.verifierKey))).toThrow(/not signed by this key/);
    const impostor = createNoteSigner('mamori-test', randomBytes(32));
    expect(() => openNote(signCheckpoint(impostor, checkpoint), verifier)).toThrow(/not signed by this key/);
    expect(() => openNote(note, parseVerifierKey(impostor.verifierKey))).toThrow(/not signed by this key/);
  });

  it('refuses a signature copied onto other text, a missing blank line, and control characters', () => {
    const sigLine = note.slice(note.lastIndexOf('\n\n') + 2);
    const forged = checkpointText({ ...checkpoint, treeSize: 1235 });
    expect(() => openNote(`${forged}\n${sigLine}`, verifier)).toThrow(/does not verify/);
    expect(() => openNote(`${checkpointText(checkpoint)}${sigLine}`, verifier)).toThrow(/malformed/);
    expect(() => openNote(note.slice(0, -1), verifier)).toThrow(/malformed/);
    for (const control of ['\u0000', '\t', '\r', '\u001b'])
      expect(() => openNote(note.replace('\n1234\n', `\n12${control}34\n`), verifier)).toThrow(
        /control characters/,
      );
    // Signed text with a control character is refused even though its signature is good.
    const withTab = signer.sign(`origin\t\n1\n${checkpoint.rootHash.toString('base64')}\n`);
    expect(() => openNote(withTab, verifier)).toThrow(/control characters/);
  });

  it('refuses malformed checkpoint bodies', () => {
    const root = checkpoint.rootHash.toString('base64');
    for (const body of [
      '',
      'origin\n',
      'origin\n12\n',
      `origin\nx12\n${root}\n`,
      `origin\n-1\n${root}\n`,
      'origin\n1\nAAAA\n',
      `\n1\n${root}\n`,
    ])
      expect(() => parseCheckpointText(body), JSON.stringify(body)).toThrow(/malformed checkpoint/);
  });
});
