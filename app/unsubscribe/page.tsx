import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { kindLabel } from "@/lib/notify/kinds";
import { readUnsubscribeLink } from "@/lib/notify/unsubscribe-link";

export const metadata: Metadata = { title: "Unsubscribe" };

// Public: reached from an email's link, signed in or not. It changes nothing
// until the button is pressed (a link scanner opening it unsubscribes nobody).
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const token = typeof raw.t === "string" ? raw.t : null;
  if (raw.done === "1") {
    return (
      <>
        <PageHeader title="Unsubscribed" description="You will get no more email of those kinds. Signed in, you can choose again under Email settings." />
      </>
    );
  }
  const link = readUnsubscribeLink(token);
  if (!link || !token) {
    return (
      <PageHeader
        title="This link is not valid"
        description="It was altered, or not made by this Twelvefold. Signed in, choose what you are sent under Email settings."
      />
    );
  }
  return (
    <>
      <PageHeader title="Stop these emails?" description="The app's notification centre keeps showing them; only the email stops." />
      <Card>
        <form method="post" action="/api/unsubscribe" className="space-y-4 px-5 py-5">
          <input type="hidden" name="t" value={token} />
          <input type="hidden" name="from" value="page" />
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {link.kinds.map((k) => (
              <li key={k}>{kindLabel(k)}</li>
            ))}
          </ul>
          <button type="submit" className={buttonClass("primary", "md")}>
            Stop emails about these
          </button>
        </form>
      </Card>
    </>
  );
}
