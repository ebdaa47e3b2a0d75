import type { ChecklistItem } from "@/lib/checklist";

/** What an item asks: guidance, how to verify, what to attach, and where it comes from. */
export function ItemGuidance({ item }: { item: ChecklistItem }) {
  return (
    <div className="space-y-3 text-sm">
      <div>
        <h4 className="font-semibold">What good looks like</h4>
        <p className="mt-0.5 text-soft">{item.guidance}</p>
      </div>
      <div>
        <h4 className="font-semibold">How to verify</h4>
        <p className="mt-0.5 text-soft">{item.verify}</p>
      </div>
      <div>
        <h4 className="font-semibold">Evidence to attach</h4>
        <p className="mt-0.5 text-soft">{item.evidence}</p>
      </div>
      <div>
        <h4 className="font-semibold">References</h4>
        <ul className="mt-0.5 list-disc pl-5 text-soft">
          {item.references.map((ref) => (
            <li key={ref.kind === "series" ? `s${ref.step}` : `${ref.standard}${ref.ref}`}>
              {ref.kind === "series" ? `Addendum step ${ref.step}: ${ref.title} (${ref.date})` : `${ref.standard}, ${ref.ref}`}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
