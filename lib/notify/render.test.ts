import { describe, expect, it } from "vitest";
import { digestEmail, eventEmail, webhookBody, type EventView } from "./render";

const event: EventView = {
  id: "6f1c0c61-4c7e-4b1b-9d5c-1d2b3c4d5e6f",
  kind: "assessment.submitted",
  title: 'Checkout <API> "submitted" & more\r\nBcc: victim@example.com',
  summary: "<script>alert(1)</script>",
  url: "https://twelvefold.example.com/assessments/1",
  team: "Payments",
  occurredAt: new Date("2026-11-30T10:00:00Z"),
  subject: { type: "assessment", id: "1" },
};
const links = { settingsUrl: "https://t.example/notifications/settings", unsubscribeUrl: "https://t.example/unsubscribe?t=abc" };

describe("what a notification says", () => {
  it("keeps a subject on one line (no header injection) and escapes the HTML", () => {
    const email = eventEmail(event, links);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.startsWith("[Twelvefold] Checkout <API>")).toBe(true);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).toContain("Checkout &lt;API&gt; &quot;submitted&quot; &amp; more");
    expect(email.text).toContain("Open it: https://twelvefold.example.com/assessments/1");
    expect(email.text).toContain(links.unsubscribeUrl);
  });

  it("gathers a digest into one message", () => {
    const digest = digestEmail([event, { ...event, id: "2", title: "Finding overdue: TLS" }], "2026-11-30", links);
    expect(digest.subject).toBe("[Twelvefold] Your daily digest for 2026-11-30: 2 notifications");
    expect(digest.text.match(/^- /gm)).toHaveLength(2);
  });

  it("writes the Standard Webhooks event, and Slack and Teams messages", () => {
    const standard = JSON.parse(webhookBody(event, "standard"));
    expect(standard).toMatchObject({ type: "assessment.submitted", timestamp: "2026-11-30T10:00:00.000Z", data: { id: event.id, team: "Payments" } });
    const slack = JSON.parse(webhookBody(event, "slack"));
    expect(slack.text).toContain("&lt;API&gt;");
    expect(slack.text).toContain("<https://twelvefold.example.com/assessments/1|Open in Twelvefold>");
    const teams = JSON.parse(webhookBody(event, "teams"));
    expect(teams.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(teams.attachments[0].content.actions[0].url).toBe(event.url);
  });
});
