import type { DueState } from "@/lib/findings/due";
import { Badge, type BadgeTone } from "@/components/ui/tone";

const TONE: Record<Exclude<DueState, "none" | "overdue">, BadgeTone> = { due_soon: "warning", due: "neutral" };
const LABEL: Record<Exclude<DueState, "none">, string> = { overdue: "Overdue", due_soon: "Due soon", due: "Due" };

export function DueBadge({ state }: { state: DueState }) {
  if (state === "none") return null;
  // Overdue stands out from every other badge: solid, in light and dark alike.
  if (state === "overdue") return <span className="inline-flex rounded bg-rose-700 px-1.5 py-0.5 text-xs font-semibold text-white">{LABEL[state]}</span>;
  return <Badge tone={TONE[state]}>{LABEL[state]}</Badge>;
}
