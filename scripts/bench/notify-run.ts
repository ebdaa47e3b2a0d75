// Run by `npm run bench` as a child process against the bench's database
// (DATABASE_URL): the daily scan and digest build over the scale data, then
// 10,000 queued emails sent to an SMTP server on loopback (smtp-server), eight
// at a time as a worker does. Prints one JSON line per phase; removes the
// events, notifications and deliveries it made, so the next bench starts alike.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { getPrisma } from "../../lib/db/prisma";
import { deliver } from "../../lib/notify/deliver";
import { buildDigests } from "../../lib/notify/digest";
import { runDailyScan } from "../../lib/notify/scan";

const EMAILS = 10_000;
const say = (phase: string, data: object) => console.log(JSON.stringify({ phase, ...data }));

async function main() {
  let received = 0;
  const smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  // Before anything reads the environment (lib/env.ts reads it once).
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  const prisma = getPrisma();
  const now = new Date();
  console.log(JSON.stringify({ phase: "scan-start" }));
  let started = Date.now();
  const scan = await runDailyScan(now);
  const digests = await buildDigests(now);
  say("scan", { ms: Date.now() - started, raised: scan.raised, notifications: scan.fanout.notifications, emails: scan.fanout.emails, digests: digests.people });

  // 10,000 events for one person of a team, each its own email.
  const lead = await prisma.user.findFirstOrThrow({ where: { memberships: { some: { role: "LEAD" } }, disabledAt: null }, include: { memberships: true } });
  const teamId = lead.memberships.find((m) => m.role === "LEAD")!.teamId;
  const events = await prisma.notificationEvent.createManyAndReturn({
    data: Array.from({ length: EMAILS }, (_, i) => ({
      kind: "finding.assigned",
      key: `bench-email:${now.getTime()}:${i}`,
      teamId,
      subjectType: "finding",
      subjectId: lead.id,
      path: "/findings",
      title: `Bench notification ${i}`,
      fannedOutAt: now,
    })),
    select: { id: true },
  });
  const deliveries = await prisma.delivery.createManyAndReturn({
    data: events.map((e) => ({ eventId: e.id, channel: "EMAIL" as const, userId: lead.id })),
    select: { id: true },
  });
  started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < deliveries.length) await deliver(deliveries[next++]!.id);
    }),
  );
  say("emails", { ms: Date.now() - started, sent: received });
  await prisma.outboxEmail.deleteMany({ where: { id: { in: deliveries.map((d) => d.id) } } });
  await prisma.notificationEvent.deleteMany({ where: { key: { startsWith: "bench-email:" } } });
  // What the scan made, so that the next bench raises it again.
  await prisma.delivery.deleteMany({ where: { digestDay: { not: null } } });
  await prisma.notificationEvent.deleteMany({ where: { occurredAt: now } });
  smtp.close();
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
