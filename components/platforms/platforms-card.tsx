import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { getServicePlatforms } from "@/lib/data/platforms/read";
import { INHERITANCE_LABELS } from "@/lib/platforms/inherit";
import { latestChecklist } from "@/lib/checklist";
import { answerStatuses } from "@/lib/vocabulary/answers";
import { InheritanceForm, PlatformSettingsForm, StopUsingButton, UsePlatformForm } from "./platform-forms";

/** What a service runs on and takes from it, and, for a platform, what it answers for the services on it. */
export async function PlatformsCard({ principal, serviceId }: { principal: Principal; serviceId: string }) {
  const view = await getServicePlatforms(principal, serviceId);
  if (!view.may.change && !view.platform && view.uses.length === 0) return null;
  const factors = latestChecklist().factors.map((f) => ({ number: f.number, name: f.name, items: f.items.map((i) => ({ id: i.id, title: i.title })) }));
  return (
    <Card>
      <CardHeader
        title="Platforms"
        description="What a shared platform provides is assessed once: for each item it covers, a service on it inherits the platform's answer, shares it (both must hold), or answers for itself."
      />
      <div className="space-y-5 px-5 py-4 text-sm">
        {view.platform ? (
          <p>
            <span className="font-medium">This is a platform</span> ({view.platform.kind}): it answers {view.platform.items.length} items for the{" "}
            {view.platform.users} {view.platform.users === 1 ? "service" : "services"} on it.
          </p>
        ) : null}
        {view.uses.length === 0 ? <p className="text-muted">Runs on no platform Twelvefold knows of.</p> : null}
        {view.uses.map((use) => (
          <section key={use.platformId} aria-label={`Runs on ${use.name}`} className="rounded-lg border border-line">
            <header className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-2">
              <p>
                Runs on <span className="font-semibold">{use.name}</span> ({use.kind}, {use.team}) ·{" "}
                {use.approvedAt ? `answers approved ${formatDate(use.approvedAt)}` : "not yet assessed: what it covers counts as unanswered"}
              </p>
              {view.may.change ? <StopUsingButton serviceId={serviceId} platformId={use.platformId} name={use.name} /> : null}
            </header>
            {view.may.change ? (
              <InheritanceForm
                serviceId={serviceId}
                platformId={use.platformId}
                items={use.items.map((i) => ({ ...i, statusLabel: answerStatuses.label(i.status) }))}
              />
            ) : (
              <ul className="divide-y divide-line-soft">
                {use.items.map((i) => (
                  <li key={i.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                    <span>
                      <span className="font-mono text-xs">{i.id}</span> {i.title}
                    </span>
                    <span className="text-muted">
                      {answerStatuses.label(i.status)} there · {INHERITANCE_LABELS[i.mode]}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        {view.may.change && view.choices.length ? <UsePlatformForm serviceId={serviceId} choices={view.choices} /> : null}
        {view.may.change ? (
          <PlatformSettingsForm serviceId={serviceId} kind={view.platform?.kind ?? ""} covered={view.platform?.items ?? []} factors={factors} />
        ) : null}
      </div>
    </Card>
  );
}
