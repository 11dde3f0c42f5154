import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Transporter } from 'nodemailer';

/**
 * nodemailer is loaded when the first e-mail goes out, not at start-up (it cost ≈ 0.5 s of every
 * `npm start`, bench:startup). The transport is made once per gateway.
 */
type Nodemailer = typeof import('nodemailer');
const transportFor = async (make: (nodemailer: Nodemailer) => Transporter): Promise<Transporter> =>
  make((await import('nodemailer')).default);

export interface FaxMessage {
  noticeId: string;
  to: string;
  from: string;
  /** The cover sheet and the letter, as one PDF. */
  pdf: Buffer;
  pages?: number;
}

export interface EmailMessage {
  noticeId: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  /** Letters travel attached; alerts carry none. */
  attachment?: { filename: string; content: Buffer };
}

export interface TextMessage {
  alertId: string;
  /** The member's phone number on file. */
  to: string;
  text: string;
}

/**
 * A text-message (SMS) service. No provider is configured in this project: the only
 * implementation is the outbox below, so texts are written where an operator (or a test) reads
 * them, never sent to a phone. A production deployment adds a vendor adapter here.
 */
export interface TextMessageGateway {
  readonly name: string;
  send(message: TextMessage): Promise<{ reference: string }>;
}

/** Development and demo text messages: one JSON file per message in a folder (the outbox). */
export class OutboxTextGateway implements TextMessageGateway {
  readonly name = 'text-outbox-folder';
  constructor(private readonly dir: string) {}
  async send(message: TextMessage) {
    mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${message.alertId}.json`);
    writeFileSync(file, JSON.stringify(message, null, 2));
    return { reference: file };
  }
}

/** A fax service (the transport is pluggable: a vendor API in production). */
export interface FaxGateway {
  readonly name: string;
  send(fax: FaxMessage): Promise<{ reference: string }>;
}

export interface EmailGateway {
  readonly name: string;
  send(mail: EmailMessage): Promise<{ reference: string }>;
}

/** Development fax: writes the fax (cover sheet + letter) and its envelope to a folder. */
export class FileDropFaxGateway implements FaxGateway {
  readonly name = 'file-drop';
  /**
   * Whether the folder is known to exist: made with the first fax, and again only when a write
   * finds it gone (a `mkdir` for every fax was ≈ 1 % of the jobs process's CPU in bench:pa).
   */
  private folderMade = false;
  constructor(private readonly dir: string) {}
  async send(fax: FaxMessage) {
    const base = path.join(this.dir, `${fax.noticeId}`);
    this.write(`${base}.pdf`, fax.pdf);
    this.write(
      `${base}.json`,
      JSON.stringify({ to: fax.to, from: fax.from, noticeId: fax.noticeId, bytes: fax.pdf.length }, null, 2),
    );
    return { reference: `${base}.pdf` };
  }
  private write(file: string, data: string | Buffer) {
    if (!this.folderMade) {
      mkdirSync(this.dir, { recursive: true });
      this.folderMade = true;
    }
    try {
      writeFileSync(file, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(file, data);
    }
  }
}

/** Development e-mail: delivers RFC 5322 messages (.eml) into a local mailbox folder. */
export class MailboxEmailGateway implements EmailGateway {
  readonly name = 'mailbox-folder';
  private transport: Promise<Transporter> | undefined;
  constructor(private readonly dir: string) {}
  async send(mail: EmailMessage) {
    mkdirSync(this.dir, { recursive: true });
    this.transport ??= transportFor((nm) =>
      nm.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
    );
    const info = await (
      await this.transport
    ).sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachment ? [mail.attachment] : [],
    });
    const file = path.join(this.dir, `${mail.noticeId}.eml`);
    writeFileSync(file, info.message as Buffer);
    return { reference: file };
  }
}

/** Production e-mail over SMTP (SMTP_URL, e.g. smtps://user:pass@smtp.example.org:465). */
export class SmtpEmailGateway implements EmailGateway {
  readonly name = 'smtp';
  private transport: Promise<Transporter> | undefined;
  constructor(private readonly url: string) {}
  async send(mail: EmailMessage) {
    this.transport ??= transportFor((nm) => nm.createTransport(this.url));
    const info = await (
      await this.transport
    ).sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachment ? [mail.attachment] : [],
    });
    return { reference: String(info.messageId) };
  }
}

export interface DeliveryGateways {
  fax: FaxGateway;
  email: EmailGateway;
  text: TextMessageGateway;
  /** Where daily print batches for mailed letters go. */
  printDir: string;
  fromFax: string;
  fromEmail: string;
}

export function defaultGateways(outboxDir: string, smtpUrl?: string): DeliveryGateways {
  return {
    fax: new FileDropFaxGateway(path.join(outboxDir, 'fax')),
    email: smtpUrl ? new SmtpEmailGateway(smtpUrl) : new MailboxEmailGateway(path.join(outboxDir, 'mailbox')),
    text: new OutboxTextGateway(path.join(outboxDir, 'text')),
    printDir: path.join(outboxDir, 'print'),
    fromFax: '1-510-555-0101',
    fromEmail: 'notices@openpbm.local',
  };
}
