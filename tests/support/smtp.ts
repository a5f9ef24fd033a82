/**
 * A loopback SMTP server for tests (no TLS, no AUTH) that keeps what it receives and refuses any
 * recipient at @refused.test.
 */
import { SMTPServer } from 'smtp-server';

export interface Captured {
  from: string;
  to: string[];
  raw: string;
}

/** A loopback SMTP server (no TLS, no AUTH) that keeps what it receives; rejects @refused.test. */
export async function startSmtp() {
  const messages: Captured[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.endsWith('@refused.test') ? new Error('550 no such user') : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The base64 parts of a message, decoded, keyed by filename ('' for the text body). */
export function mailParts(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of raw.split(/\r\n--[^\r\n]+/)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !/Content-Transfer-Encoding: base64/i.test(part.slice(0, split))) continue;
    const name = /filename=("?)([^"\r\n;]+)\1/i.exec(part.slice(0, split))?.[2] ?? '';
    out.set(name, Buffer.from(part.slice(split + 4).replace(/\s+/g, ''), 'base64').toString('utf8'));
  }
  return out;
}

/** The decoded Subject header of a raw message. */
export const mailSubject = (raw: string) =>
  (/^Subject: ((?:.*)(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? '')
    .replace(/\r\n/g, '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?B\?([^?]*)\?=/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
