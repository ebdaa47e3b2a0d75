// Real peers for the notification tests: an SMTP server on loopback (the
// smtp-server package) whose messages are read back by a real parser
// (mailparser), and an HTTP receiver that verifies every Standard Webhooks
// signature with the standardwebhooks library and misbehaves on request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";

export interface ReceivedMail {
  parsed: ParsedMail;
  messageId: string;
  to: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Reply to the next N messages with this SMTP error (e.g. 550). */
  refuseNext(count: number, code?: number): void;
  close(): Promise<void>;
}

export async function startSmtp(options: { delayMs?: number } = {}): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  let refusals = 0;
  let refusalCode = 550;
  const server = new SMTPServer({
    // Plain SMTP on loopback: the relay a local test needs (Twelvefold requires STARTTLS anywhere else).
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = Object.assign(new Error("mailbox unavailable"), { responseCode: refusalCode });
          return callback(error);
        }
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const parsed = await simpleParser(Buffer.concat(chunks));
        mails.push({ parsed, messageId: parsed.messageId ?? "", to: (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text ?? "" });
        callback();
      });
    },
  });
  // A client that dies mid-session (the worker killed with SIGKILL) resets its connection: expected here, not a failure.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext(count, code = 550) {
      refusals = count;
      refusalCode = code;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type ReceiverMode = "ok" | "fail500" | "slow" | "redirect-private" | "huge";

export interface Delivered {
  id: string;
  body: unknown;
  verified: boolean;
  path: string;
}

export interface TestReceiver {
  base: string;
  delivered: Delivered[];
  /** How each path answers: /ok (200), /fail (500), /slow (never answers in time), /redirect (302 to 169.254.169.254), /huge (10 MB). */
  close(): Promise<void>;
  setSecret(path: string, secret: string): void;
}

export async function startReceiver(options: { slowMs?: number; okDelayMs?: number } = {}): Promise<TestReceiver> {
  const delivered: Delivered[] = [];
  const secrets = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    // A sender killed mid-request resets the connection; the delivery simply did not arrive.
    request.on("error", () => undefined);
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const path = (request.url ?? "/").split("?")[0]!;
      const body = Buffer.concat(chunks).toString("utf8");
      const secret = secrets.get(path);
      let verified = false;
      if (secret) {
        try {
          new Webhook(secret).verify(body, request.headers as Record<string, string>);
          verified = true;
        } catch {
          verified = false;
        }
      }
      delivered.push({ id: String(request.headers["webhook-id"] ?? ""), body: safeJson(body), verified, path });
      if (path.startsWith("/fail")) return void response.writeHead(500).end("down");
      if (path.startsWith("/slow")) return void setTimeout(() => response.writeHead(200).end("late"), options.slowMs ?? 15_000);
      if (path.startsWith("/redirect")) return void response.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (path.startsWith("/huge")) {
        response.writeHead(200, { "Content-Type": "application/octet-stream" });
        const block = Buffer.alloc(1024 * 1024, 97);
        let sent = 0;
        const more = () => {
          while (sent < 10) {
            sent += 1;
            if (!response.write(block)) return void response.once("drain", more);
          }
          response.end();
        };
        return void more();
      }
      setTimeout(() => response.writeHead(verified || !secret ? 204 : 401).end(), options.okDelayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    delivered,
    setSecret: (path, secret) => void secrets.set(path, secret),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
