import Link from "next/link";
import { latestChecklist } from "@/lib/checklist";
import type { ServiceScores } from "@/lib/data/services/list-service-summaries";
import { scoreBand } from "@/lib/scoring/score";
import { findingFilterQuery } from "@/lib/findings/filter";
import { BAND_STYLES, formatScore, ScoreBadge } from "@/components/ui/score";

/** Services by the twelve factors, coloured by the latest assessment's scores. */
export function Heatmap({ services }: { services: ServiceScores[] }) {
  const factors = latestChecklist().factors;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">
          Latest score of each service for each of the twelve factors, out of 100, lowest overall score first. Services never assessed are listed under Due for
          assessment. A dash means no scored item in that factor.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-surface px-4 py-2 text-left font-medium text-muted">
              Service
            </th>
            <th scope="col" className="px-2 py-2 text-center font-medium text-muted">
              Overall
            </th>
            {factors.map((factor) => (
              <th key={factor.number} scope="col" className="px-1 py-2 text-center font-medium text-muted">
                <abbr title={`${factor.number}. ${factor.name}`} className="no-underline">
                  F{factor.number}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id}>
              <th scope="row" className="sticky left-0 bg-surface px-4 py-1.5 text-left font-normal">
                <Link href={`/services/${service.slug}`} className="font-medium text-link hover:underline">
                  {service.name}
                </Link>
                <span className="ml-2 text-xs text-muted">{service.team.name}</span>
              </th>
              <td className="px-2 py-1.5 text-center">
                <ScoreBadge score={service.latestScore} />
              </td>
              {/* Each cell leads to the service's findings in that factor. */}
              {service.factorScores.map((score, index) => (
                <td key={index} className="p-0.5">
                  <Link
                    href={`/findings${findingFilterQuery({ team: service.team.slug, service: service.slug, factor: index + 1 })}`}
                    className={`heat-cell hover:ring-2 hover:ring-indigo-400 ${BAND_STYLES[scoreBand(score)]}`}
                    title={factors[index]?.name}
                    aria-label={`${service.name}, ${index + 1}. ${factors[index]?.name}: ${score === null ? "no score" : `score ${formatScore(score)}`}. Its findings`}
                  >
                    {formatScore(score)}
                  </Link>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
