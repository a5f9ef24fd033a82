import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailParts as parts, startSmtp } from '../../../tests/support/smtp.ts';
import { createMailer } from './index.ts';

/** Decodes RFC 2047 encoded words of a header (B and Q). */
const decodeWords = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeURIComponent(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1')),
    );

const header = (raw: string, name: string) =>
  decodeWords(
    new RegExp(`^${name}: ((?:.*)(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r\n/g, '') ?? '',
  );

describe('mail (platform/mail)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  it('without SMTP_URL it is not configured and sending throws', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'mamori@localhost' });
    expect(mailer.configured).toBe(false);
    await expect(mailer.send({ to: ['a@example.test'], subject: 's', text: 't' })).rejects.toThrow(
      /not configured/,
    );
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => createMailer({ smtpUrl: 'http://mail.example.test', from: 'x@y' })).toThrow(/smtp/);
  });

  it('delivers a Japanese message with an attachment byte for byte', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'mamori@kosen.example.test' });
    expect(mailer.configured).toBe(true);
    const note = 'example.test/log\n3\nAAAA\n\n— example.test/log c2ln\n';
    await mailer.send({
      to: ['kansa@kosen.example.test', 'kansa2@kosen.example.test'],
      subject: '監査用チェックポイント / checkpoint',
      text: '本文です。\nBody.',
      attachments: [{ filename: 'checkpoint-3.txt', content: note }],
    });
    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.from).toBe('mamori@kosen.example.test');
    expect(m!.to).toEqual(['kansa@kosen.example.test', 'kansa2@kosen.example.test']);
    expect(header(m!.raw, 'Subject')).toBe('監査用チェックポイント / checkpoint');
    const p = parts(m!.raw);
    expect(p.get('')).toBe('本文です。\nBody.');
    expect(p.get('checkpoint-3.txt')).toBe(note);
  });

  it('a refused recipient fails the send, and the error names no address', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'mamori@kosen.example.test' });
    const err = await mailer
      .send({ to: ['ok@kosen.example.test', 'gone@refused.test'], subject: 's', text: 't' })
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(err?.message).toMatch(/^mail not sent \(EENVELOPE/);
    expect(err?.message).not.toContain('@');
  });

  it('an unreachable server fails with a code, not the URL or its password', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://user:secret@127.0.0.1:1', from: 'x@y.test' });
    const err = await mailer
      .send({ to: ['a@b.test'], subject: 's', text: 't' })
      .catch((e: unknown) => e as Error);
    expect(err?.message).toMatch(/^mail not sent \(E[A-Z]+/);
    expect(err?.message).not.toMatch(/secret|@/);
  });
});
