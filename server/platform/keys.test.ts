import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeys, loadMasterKey } from './keys.ts';

describe('server keys (signed cookies, sealed secrets)', () => {
  const keys = createKeys(randomBytes(32));

  it('a signature checks only for the same value and purpose', () => {
    const sig = keys.sign('terminal-cookie', 'abc');
    expect(keys.verify('terminal-cookie', 'abc', sig)).toBe(true);
    expect(keys.verify('terminal-cookie', 'abd', sig)).toBe(false);
    expect(keys.verify('other', 'abc', sig)).toBe(false);
    expect(createKeys(randomBytes(32)).verify('terminal-cookie', 'abc', sig)).toBe(false);
  });

  it('a sealed secret opens to its plaintext, never shows it, and refuses tampering or another purpose', () => {
    const sealed = keys.seal('oidc', 'クライアント秘密');
    expect(sealed).not.toContain('クライアント');
    expect(keys.open('oidc', sealed)).toBe('クライアント秘密');
    expect(keys.seal('oidc', 'x')).not.toBe(keys.seal('oidc', 'x'));
    expect(() => keys.open('totp', sealed)).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => keys.open('oidc', parts.join('.'))).toThrow();
  });

  it('without MAMORI_SECRET_KEY the key is created once in DATA_DIR with mode 0600 and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-keys-'));
    const first = loadMasterKey(undefined, dir);
    expect(loadMasterKey(undefined, dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(() => loadMasterKey('c2hvcnQ=', dir)).toThrow(/32/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
