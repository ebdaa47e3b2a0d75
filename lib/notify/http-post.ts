// One POST to a webhook endpoint, guarded: the name is resolved here and every
// address checked (lib/notify/ssrf.ts), the connection made to the checked
// address, TLS verified, redirects never followed (a redirect to a private
// address is thus never visited), the whole exchange bounded by a timeout, and
// no more than 64 KB of the answer read (a 10 MB answer costs nothing).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkEndpointUrl, privateAmong } from "./ssrf";

export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export interface PostOptions {
  allowedHosts: ReadonlySet<string>;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/** A resolver that refuses a name with any private or reserved address (unless its host is allowed). */
export function guardedLookup(allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const blocked = privateAmong(
        addresses.map((a) => a.address),
        allowed,
      );
      if (blocked) return callback(Object.assign(new Error(`${hostname} resolves to a private or reserved address (${blocked})`), { code: "EPRIVATE" }), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

export function postJson(target: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostOutcome> {
  const verdict = checkEndpointUrl(target, options.allowedHosts);
  if (!verdict.ok) return Promise.resolve({ ok: false, status: null, error: `the endpoint ${verdict.reason}` });
  const { url, allowed } = verdict;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Twelvefold-Webhooks/1", ...headers },
        lookup: guardedLookup(allowed),
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read >= maxBytes) done(); // enough to know it answered: the rest is never read
        });
        response.on("end", () => done());
        response.on("error", () => done());
        function done() {
          if (status >= 200 && status < 300) finish({ ok: true, status });
          else if (status >= 300 && status < 400) finish({ ok: false, status, error: `answered ${status}, a redirect, which is not followed` });
          else finish({ ok: false, status, error: `answered ${status}` });
        }
      },
    );
    const timer = setTimeout(() => finish({ ok: false, status: null, error: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
    request.on("timeout", () => finish({ ok: false, status: null, error: `no answer within ${timeoutMs / 1000} s` }));
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({ ok: false, status: null, error: error.code === "EPRIVATE" ? error.message : `could not be reached (${error.code ?? error.message})` }),
    );
    request.end(body);
  });
}
