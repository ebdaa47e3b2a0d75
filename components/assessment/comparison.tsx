import { answerStatuses } from "@/lib/vocabulary/answers";
import type { AssessmentComparison } from "@/lib/data/assessments/compare-with-previous";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable, ScrollRegion } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { ScoreBadge } from "@/components/ui/score";
import { scoreChange, signedChange } from "@/lib/scoring/mean";

/** What this assessment changed since the previous completed one. */
export function Comparison({ comparison, factorNames }: { comparison: AssessmentComparison; factorNames: readonly string[] }) {
  const count = (change: string) => comparison.items.filter((i) => i.change === change).length;
  const changed = comparison.items.filter((i) => i.change === "improved" || i.change === "regressed" || i.change === "reclassified");
  if (!comparison.previous) {
    return (
      <Card>
        <CardHeader title="What changed" description="No assessment of this service was approved before this one: nothing to compare with yet." />
      </Card>
    );
  }
  const { before, after } = comparison.overall;
  const rows = [
    { name: "Overall", overall: true, before, after, delta: scoreChange(before, after) },
    ...comparison.factors.map((f) => ({ name: `${f.factor}. ${factorNames[f.factor - 1]}`, overall: false, before: f.before, after: f.after, delta: f.delta })),
  ];
  return (
    <Card>
      <CardHeader
        title="What changed"
        description={`Since the assessment approved ${formatDate(comparison.previous.approvedAt)}: ${count("improved")} improved, ${count("regressed")} regressed, ${count("unchanged")} unchanged${count("reclassified") ? `, ${count("reclassified")} moved to or from not applicable` : ""}${count("new") ? `, ${count("new")} new` : ""}.`}
      />
      <ScrollRegion label="Score change per factor">
        <DataTable
          caption="Score change per factor"
          columns={["Factor", { label: "Before", align: "right" }, { label: "Now", align: "right" }, { label: "Change", align: "right" }]}
        >
          {rows.map((row) => (
            <tr key={row.name} className={row.overall ? "font-semibold" : undefined}>
              <td className="px-5 py-2">{row.name}</td>
              {[row.before, row.after].map((score, index) => (
                <td key={index} className="px-3 py-2 text-right">
                  <ScoreBadge score={score} />
                </td>
              ))}
              <td className={`px-5 py-2 text-right tabular-nums ${row.delta && row.delta < 0 ? "text-danger" : ""}`}>{signedChange(row.delta)}</td>
            </tr>
          ))}
        </DataTable>
      </ScrollRegion>
      {changed.length ? (
        <div className="border-t border-line">
          <ScrollRegion label="Items whose answer changed">
            <DataTable caption="Items whose answer changed" columns={["Item", "Before", "Now", "Change"]}>
              {changed.map((item) => (
                <tr key={item.itemId}>
                  <td className="px-5 py-2">
                    <span className="font-mono text-xs">{item.itemId}</span> {item.title}
                  </td>
                  <td className="px-3 py-2">{item.before ? answerStatuses.label(item.before) : "—"}</td>
                  <td className="px-3 py-2">{answerStatuses.label(item.after)}</td>
                  <td
                    className={`px-5 py-2 font-medium capitalize ${item.change === "regressed" ? "text-danger" : item.change === "improved" ? "text-success" : ""}`}
                  >
                    {item.change}
                  </td>
                </tr>
              ))}
            </DataTable>
          </ScrollRegion>
        </div>
      ) : null}
    </Card>
  );
}
