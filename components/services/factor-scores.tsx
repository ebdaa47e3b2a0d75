import { ScoreBar } from "@/components/ui/score";
import { FACTOR_NAMES } from "@/lib/checklist/factor-names";

/** A service's latest score per factor, as a table whose rows are named by the factors. */
export function FactorScores({ scores }: { scores: readonly (number | null)[] }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Latest score per factor</caption>
      <tbody>
        {scores.map((score, index) => (
          <tr key={FACTOR_NAMES[index]}>
            <th scope="row" className="py-1 pr-3 text-left font-normal text-soft">
              {index + 1}. {FACTOR_NAMES[index]}
            </th>
            <td className="py-1">
              <ScoreBar score={score} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
