// Sending email through SMTP_URL with nodemailer: TLS always verified (smtps://
// from the first byte; smtp:// must upgrade with STARTTLS unless the relay is
// on loopback), bounded timeouts, a small pool of connections. One transport
// per worker process.
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { isLoopbackHost } from "./loopback";

export interface OutgoingEmail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export type SendOutcome = { ok: true; code: number } | { ok: false; code: number | null; error: string };

export function smtpOptions(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return {
    pool: true,
    // As many as a worker sends at once (its batch of eight).
    maxConnections: 8,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    // Plain SMTP only to a relay on this machine; anywhere else STARTTLS must succeed.
    requireTLS: !secure && !isLoopbackHost(host),
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: { rejectUnauthorized: true, servername: host, minVersion: "TLSv1.2" },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

let transport: nodemailer.Transporter | undefined;
let transportUrl: string | undefined;

export async function sendSmtp(smtpUrl: string, email: OutgoingEmail): Promise<SendOutcome> {
  if (!transport || transportUrl !== smtpUrl) {
    transport?.close();
    transport = nodemailer.createTransport(smtpOptions(smtpUrl));
    transportUrl = smtpUrl;
  }
  try {
    const info = await transport.sendMail({
      messageId: email.messageId,
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers,
    });
    const code = Number(/^(\d{3})/.exec(String(info.response))?.[1] ?? 250);
    return { ok: true, code };
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string };
    return { ok: false, code: e.responseCode ?? null, error: `${e.code ?? "error"}: ${(e.message ?? "").slice(0, 300)}` };
  }
}

export function closeMailer(): void {
  transport?.close();
  transport = undefined;
}
