// What a notification says on each channel: the email (subject, plain text and
// HTML, one event or a day's digest) and the webhook bodies (Standard Webhooks
// JSON, Slack, Microsoft Teams). Pure, and everything from a record is escaped.
// A notification says what happened and links to it; it carries no secret and
// nothing the recipient could not read in the app.
import { kindLabel } from "./kinds";

export interface EventView {
  id: string;
  kind: string;
  title: string;
  summary: string;
  url: string;
  team: string;
  occurredAt: Date;
  subject: { type: string; id: string };
}

export interface EmailBody {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A subject line never carries a line break (header injection) and stays short. */
const oneLine = (value: string, max = 150) => value.replace(/[\r\n\t]+/g, " ").slice(0, max);

function page(inner: string, footer: { settingsUrl: string; unsubscribeUrl: string; what: string }): string {
  return `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:40rem">${inner}
<hr style="border:none;border-top:1px solid #cbd5e1;margin:1.5rem 0">
<p style="font-size:0.85rem;color:#475569">You get this because of your role in Twelvefold. <a href="${escapeHtml(footer.settingsUrl)}">Choose what you are sent</a> or <a href="${escapeHtml(footer.unsubscribeUrl)}">stop emails about ${escapeHtml(footer.what)}</a>.</p></body></html>`;
}

export function eventEmail(event: EventView, links: { settingsUrl: string; unsubscribeUrl: string }): EmailBody {
  const label = kindLabel(event.kind);
  const subject = oneLine(`[Twelvefold] ${event.title}`);
  const text = [
    event.title,
    "",
    event.summary,
    "",
    `Open it: ${event.url}`,
    "",
    "--",
    `You get this because of your role in ${event.team} on Twelvefold ("${label}").`,
    `Choose what you are sent: ${links.settingsUrl}`,
    `Stop these emails: ${links.unsubscribeUrl}`,
  ].join("\n");
  const html = page(
    `<h1 style="font-size:1.15rem">${escapeHtml(event.title)}</h1>
<p>${escapeHtml(event.summary)}</p>
<p><a href="${escapeHtml(event.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:0.5rem 0.9rem;border-radius:0.375rem;text-decoration:none">Open in Twelvefold</a></p>`,
    { ...links, what: label.toLowerCase() },
  );
  return { subject, text, html };
}

export function digestEmail(events: EventView[], day: string, links: { settingsUrl: string; unsubscribeUrl: string }): EmailBody {
  const subject = oneLine(`[Twelvefold] Your daily digest for ${day}: ${events.length} ${events.length === 1 ? "notification" : "notifications"}`);
  const lines = events.map((e) => `- ${e.title} (${e.team})\n  ${e.url}`);
  const text = [
    `${events.length} things needed you on ${day}:`,
    "",
    ...lines,
    "",
    "--",
    `Choose what you are sent: ${links.settingsUrl}`,
    `Stop these digests: ${links.unsubscribeUrl}`,
  ].join("\n");
  const items = events.map(
    (e) =>
      `<li style="margin:0.4rem 0"><a href="${escapeHtml(e.url)}">${escapeHtml(e.title)}</a> <span style="color:#475569">(${escapeHtml(e.team)})</span></li>`,
  );
  const html = page(`<h1 style="font-size:1.15rem">${events.length} things needed you on ${escapeHtml(day)}</h1><ul>${items.join("")}</ul>`, {
    ...links,
    what: "the kinds in this digest",
  });
  return { subject, text, html };
}

export type WebhookFormatName = "standard" | "slack" | "teams";

/** The body for a webhook endpoint: the Standard Webhooks JSON event, or a chat message. */
export function webhookBody(event: EventView, format: WebhookFormatName): string {
  if (format === "slack") {
    // Slack's incoming webhooks (and Mattermost, Rocket.Chat): mrkdwn text; <, > and & escaped as Slack asks.
    const slackEscape = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return JSON.stringify({ text: `*${slackEscape(event.title)}*\n${slackEscape(event.summary)}\n<${event.url}|Open in Twelvefold>` });
  }
  if (format === "teams") {
    // A Teams workflow ("When a Teams webhook request is received") posts the Adaptive Card it is given.
    return JSON.stringify({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              { type: "TextBlock", text: event.title, weight: "Bolder", wrap: true },
              { type: "TextBlock", text: event.summary, wrap: true },
            ],
            actions: [{ type: "Action.OpenUrl", title: "Open in Twelvefold", url: event.url }],
          },
        },
      ],
    });
  }
  return JSON.stringify({
    type: event.kind,
    timestamp: event.occurredAt.toISOString(),
    data: { id: event.id, title: event.title, summary: event.summary, url: event.url, team: event.team, subject: event.subject },
  });
}
