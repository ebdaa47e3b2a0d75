import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, checkActionArguments, checkActionRequest, isActionRequest, isFormPost } from "./action-request";

// React's own client encoder, as the browser runs it for every form: what it
// sends must always pass.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function actionRequest(body: BodyInit, contentType?: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/assessments/x", {
    method: "POST",
    body,
    headers: { "Next-Action": "7f00aa", ...(contentType ? { "Content-Type": contentType } : {}), ...headers },
  });
}

/** A request as fetch sends the encoded reply: a string as text/plain, a FormData as multipart. */
async function encoded(args: unknown[]): Promise<Request> {
  const reply = await encodeReply(args);
  return typeof reply === "string"
    ? actionRequest(reply, "text/plain;charset=UTF-8")
    : new Request("http://localhost/x", { method: "POST", body: reply, headers: { "Next-Action": "7f00aa" } });
}

describe("what React's client sends for our forms", () => {
  it("passes a form with a previous state, including dates, undefined, strings that start with $ and a file", async () => {
    const form = new FormData();
    form.set("status", "met");
    form.set("notes", "$1 costs ' OR 1=1 -- <script>");
    form.set("file", new File(["evidence"], "evidence.txt", { type: "text/plain" }));
    const previous = { ok: false, message: null, data: { at: new Date(0), missing: undefined, label: "$K1" } };
    expect(await checkActionRequest(await encoded([previous, form]))).toBeNull();
  });

  it("passes a form alone, no arguments, and scalar arguments React spells with $", async () => {
    expect(await checkActionRequest(await encoded([new FormData()]))).toBeNull();
    expect(await checkActionRequest(await encoded([]))).toBeNull();
    expect(await checkActionRequest(await encoded([1n, -0, Number.NaN, Infinity, -Infinity, "$$"]))).toBeNull();
  });
});

describe("what no form sends", () => {
  it("refuses a body that is not JSON, not a list, or too deep", () => {
    expect(checkActionArguments("xxxx")?.status).toBe(400);
    expect(checkActionArguments('{"a":1}')?.reason).toBe("the arguments are not a list");
    expect(checkActionArguments("[".repeat(40) + "]".repeat(40))?.status).toBe(400);
    expect(checkActionArguments(JSON.stringify(Array.from({ length: 1001 }, () => 0)))?.reason).toBe("too many arguments");
  });

  it("refuses references to parts, promises, streams and server functions", () => {
    for (const reference of ["$1", "$1::text", "$@2", "$Q3", "$W3", "$h4", "$F4", "$T", "$R5", "$B6", "$n12x", "$Kzz"]) {
      expect(checkActionArguments(JSON.stringify([{ deep: [reference] }])), reference).not.toBeNull();
    }
  });

  it("refuses broken multipart: no boundary, another boundary, unterminated, or no arguments field", async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n';
    expect((await checkActionRequest(actionRequest(`${part}--b--\r\n`, "multipart/form-data")))?.reason).toMatch(/no boundary/);
    expect((await checkActionRequest(actionRequest(`${part}--b--\r\n`, "multipart/form-data; boundary=c")))?.status).toBe(400);
    expect((await checkActionRequest(actionRequest(part, "multipart/form-data; boundary=b")))?.status).toBe(400);
    const noRoot = '--b\r\nContent-Disposition: form-data; name="1_x"\r\n\r\ny\r\n--b--\r\n';
    expect((await checkActionRequest(actionRequest(noRoot, "multipart/form-data; boundary=b")))?.reason).toMatch(/no arguments field/);
    expect(await checkActionRequest(actionRequest(`${part}--b--\r\n`, "multipart/form-data; boundary=b"))).toBeNull();
  });

  it("refuses a body over the limit with 413, whether declared or not", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect((await checkActionRequest(actionRequest(big, "text/plain")))?.status).toBe(413);
    const declared = actionRequest("[]", "text/plain", { "Content-Length": String(ACTION_BODY_LIMIT_BYTES + 1) });
    expect((await checkActionRequest(declared))?.status).toBe(413);
  });

  it("refuses a body that is not UTF-8", async () => {
    expect((await checkActionRequest(actionRequest(new Uint8Array([0x5b, 0xff, 0x5d]), "text/plain")))?.reason).toMatch(/UTF-8/);
  });
});

describe("which requests are action calls", () => {
  it("is a POST with the Next-Action header, and nothing else", () => {
    expect(isActionRequest(actionRequest("[]"))).toBe(true);
    expect(isActionRequest(new Request("http://localhost/", { method: "POST" }))).toBe(false);
    expect(isActionRequest(new Request("http://localhost/", { headers: { "Next-Action": "1" } }))).toBe(false);
  });
});

describe("a form posted without JavaScript", () => {
  const boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
  function formPost(fields: [string, string][]): Request {
    const body =
      fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
    return new Request("http://localhost/sign-in", { method: "POST", body, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` } });
  }
  // As the sign-in page renders its form for a browser without JavaScript.
  const rendered: [string, string][] = [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", '{"id":"600b24be432889b2f682be46e4fdb2dfc9ff532df2","bound":"$@1"}'],
    ["$ACTION_1:1", '[{"message":null}]'],
    ["$ACTION_KEY", "k24ca33c902dcfccaa961c9626da03f98"],
    ["email", "someone@example.test"],
  ];

  it("passes what the page renders, a form naming its action by id, and a form with no action", async () => {
    expect(isFormPost(formPost(rendered))).toBe(true);
    expect(await checkActionRequest(formPost(rendered))).toBeNull();
    expect(
      await checkActionRequest(
        formPost([
          ["$ACTION_ID_600b24be", ""],
          ["email", "x"],
        ]),
      ),
    ).toBeNull();
    expect(await checkActionRequest(formPost([["email", "x"]]))).toBeNull();
  });

  it("refuses a reference that is not JSON, has no id, binds something else, or binds a missing or hostile field", async () => {
    const withMeta = (meta: string, extra: [string, string][] = []) => formPost([["$ACTION_REF_1", ""], ["$ACTION_1:0", meta], ...extra]);
    expect((await checkActionRequest(withMeta("garbage{")))?.reason).toMatch(/not JSON/);
    expect((await checkActionRequest(withMeta('{"bound":null}')))?.reason).toMatch(/malformed/);
    expect((await checkActionRequest(withMeta('{"id":"a","bound":"xx"}')))?.reason).toMatch(/malformed/);
    expect((await checkActionRequest(withMeta('{"id":"a","bound":"$@1"}')))?.reason).toMatch(/missing/);
    expect((await checkActionRequest(withMeta('{"id":"a","bound":"$@1"}', [["$ACTION_1:1", '["$1"]']])))?.status).toBe(400);
    expect(await checkActionRequest(withMeta('{"id":"a","bound":null}'))).toBeNull();
  });
});
