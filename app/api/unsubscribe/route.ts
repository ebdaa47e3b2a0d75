// RFC 8058 one-click unsubscribe: a mail client POSTs "List-Unsubscribe=One-Click"
// to the address in the List-Unsubscribe header, with no session and no page.
// The signed token in the address (lib/notify/seal.ts) names the person and the
// kinds; a forged or altered one is refused. A GET (a person, or a link
// scanner) changes nothing: it leads to the page that asks first.
import { NextResponse, type NextRequest } from "next/server";
import { unsubscribe } from "@/lib/data/notifications/preferences";
import { kindLabel } from "@/lib/notify/kinds";
import { readUnsubscribeLink } from "@/lib/notify/unsubscribe-link";
import { requestContextOf } from "@/lib/security/client-address";

const text = (body: string, status: number) =>
  new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: NextRequest) {
  const to = new URL("/unsubscribe", request.url);
  const token = request.nextUrl.searchParams.get("t");
  if (token) to.searchParams.set("t", token);
  return NextResponse.redirect(to, 303);
}

export async function POST(request: NextRequest) {
  if (Number(request.headers.get("content-length") ?? "0") > 4096) return text("Twelvefold cannot read this request: the body is too large.", 413);
  let form: URLSearchParams;
  try {
    form = new URLSearchParams((await request.text()).slice(0, 4096));
  } catch {
    return text("Twelvefold cannot read this request.", 400);
  }
  const link = readUnsubscribeLink(request.nextUrl.searchParams.get("t") ?? form.get("t"));
  if (!link) return text("This unsubscribe link is not valid: it was altered, or not made by this Twelvefold.", 400);
  if (form.get("List-Unsubscribe") !== "One-Click" && form.get("from") !== "page")
    return text('Send "List-Unsubscribe=One-Click" as the body (RFC 8058).', 400);
  const done = await unsubscribe(link.userId, link.kinds, requestContextOf(request.headers));
  if (!done) return text("This unsubscribe link is not valid any more.", 400);
  if (form.get("from") === "page") {
    const back = new URL("/unsubscribe", request.url);
    back.searchParams.set("done", "1");
    return NextResponse.redirect(back, 303);
  }
  return text(`Unsubscribed from email about: ${link.kinds.map(kindLabel).join("; ")}.`, 200);
}
