import nodemailer from 'nodemailer';

/**
 * Outgoing mail (platform/mail). One SMTP server named by SMTP_URL
 * (`smtp://user:pass@host:587`, `smtps://…:465`); without it Mamori sends no mail and says so.
 *
 * Errors never carry addresses or the server's reply text (which often repeats the address), only
 * nodemailer's error code and the SMTP reply code, so they may be logged and stored as they are.
 */
export interface MailAttachment {
  filename: string;
  /** Sent base64-encoded, so the bytes arrive exactly as given (a signed note must not be re-wrapped). */
  content: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** False when SMTP_URL is unset: send() then always throws. */
  configured: boolean;
  /** Sends one message; resolves when the SMTP server accepted it for every recipient, else throws. */
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
}

// A mail server that does not answer must not hold up its caller for minutes (nodemailer's defaults).
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Creates the mailer; throws only if SMTP_URL is not an smtp:// or smtps:// address. */
export function createMailer({ smtpUrl, from }: MailerOptions): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: () => Promise.reject(new Error('mail is not configured (SMTP_URL is unset)')),
    };
  }
  if (!/^smtps?:\/\//i.test(smtpUrl)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  return {
    configured: true,
    async send({ to, subject, text, attachments = [] }) {
      if (to.length === 0) throw new Error('mail not sent: no recipients');
      try {
        const info = await transport.sendMail({
          from,
          to,
          subject,
          text,
          textEncoding: 'base64',
          attachments: attachments.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content, 'utf8'),
            contentType: 'text/plain; charset=utf-8',
            contentTransferEncoding: 'base64',
          })),
        });
        const rejected = (info as { rejected?: unknown[] }).rejected ?? [];
        if (rejected.length > 0) throw Object.assign(new Error(), { code: 'EENVELOPE' });
      } catch (err) {
        throw new Error(`mail not sent (${describe(err)})`);
      }
    },
  };
}

/** nodemailer's code and the SMTP reply code: nothing the server or the message said verbatim. */
function describe(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : 'error';
  return typeof e.responseCode === 'number' ? `${code} ${e.responseCode}` : code;
}
