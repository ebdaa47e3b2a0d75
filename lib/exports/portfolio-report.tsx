// The portfolio report as a PDF: a summary, the heatmap, the trends by month,
// then a page per service. Same frame as the assessment report: every page
// names the export, its maker, the time, the page and where to verify it.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { pdf as s, score, when } from "./pdf-theme";
import { scoreBand } from "../scoring/score";
import { ReportFrame } from "./report-frame";

export interface PortfolioReportData {
  exportId: string;
  generatedAt: Date;
  exportedBy: string;
  verifyUrl: string;
  scope: string;
  factorNames: readonly string[];
  summary: { score: number | null; services: number; assessed: number; open: Record<"critical" | "high" | "medium" | "low", number>; overdue: number };
  trend: { month: string; score: number | null; unresolved: number }[];
  services: {
    name: string;
    team: string;
    criticality: string;
    latestScore: number | null;
    lastAssessedAt: Date | null;
    factorScores: (number | null)[];
    openFindings: { itemId: string; title: string; severity: string; status: string; dueDate: Date | null; owner: string | null }[];
  }[];
}

function Frame({ data }: { data: PortfolioReportData }) {
  return (
    <ReportFrame
      title={`Twelvefold portfolio report · ${data.scope}`}
      exportId={data.exportId}
      exportedBy={data.exportedBy}
      generatedAt={data.generatedAt}
      verifyUrl={data.verifyUrl}
    />
  );
}

const cellStyle = { width: 27, textAlign: "center" as const, fontSize: 7, paddingVertical: 2, marginHorizontal: 0.5, borderRadius: 2 };

const HEAT: Record<ReturnType<typeof scoreBand>, { backgroundColor: string; color: string }> = {
  none: { backgroundColor: "#f1f5f9", color: "#475569" },
  poor: { backgroundColor: "#ffe4e6", color: "#881337" },
  fair: { backgroundColor: "#fef3c7", color: "#78350f" },
  good: { backgroundColor: "#ecfccb", color: "#365314" },
  strong: { backgroundColor: "#d1fae5", color: "#064e3b" },
};

/** The heatmap's colour for a score: the bands and tints of the app's score badges. */
const heat = (value: number | null) => HEAT[scoreBand(value)];

export function PortfolioReport({ data }: { data: PortfolioReportData }) {
  const sum = data.summary;
  return (
    <Document title={`Portfolio report: ${data.scope}`} author="Twelvefold" subject={`Export ${data.exportId}`} creator="Twelvefold">
      <Page size="A4" style={s.page}>
        <Frame data={data} />
        <Text style={s.h1}>Portfolio report</Text>
        <Text style={s.muted}>
          {data.scope} · {sum.services} services, {sum.assessed} assessed
        </Text>
        <Text style={[s.h2, { marginTop: 16 }]}>Summary</Text>
        <Text>Portfolio score {score(sum.score)} of 100 (the mean latest score of the assessed services).</Text>
        <Text>
          Open findings: {sum.open.critical} critical, {sum.open.high} high, {sum.open.medium} medium, {sum.open.low} low; {sum.overdue} overdue.
        </Text>
        <Text style={[s.h2, { marginTop: 16 }]}>Heatmap</Text>
        <View style={[s.row, { fontWeight: 700 }]}>
          <Text style={{ width: 140 }}>Service</Text>
          <Text style={cellStyle}>All</Text>
          {data.factorNames.map((_, i) => (
            <Text key={i} style={cellStyle}>
              F{i + 1}
            </Text>
          ))}
        </View>
        {data.services.map((svc) => (
          <View key={svc.name} style={s.row} wrap={false}>
            <Text style={{ width: 140 }}>{svc.name}</Text>
            <Text style={[cellStyle, heat(svc.latestScore), { fontWeight: 700 }]}>{score(svc.latestScore)}</Text>
            {svc.factorScores.map((v, i) => (
              <Text key={i} style={[cellStyle, heat(v)]}>
                {score(v)}
              </Text>
            ))}
          </View>
        ))}
        <Text style={[s.muted, { marginTop: 4, fontSize: 7 }]}>{data.factorNames.map((n, i) => `F${i + 1} ${n}`).join(" · ")}</Text>
        <Text style={[s.muted, { fontSize: 7 }]}>Colours: green 90 and above, lime 75 to 89, amber 50 to 74, red below 50, grey not assessed.</Text>
        <Text style={[s.h2, { marginTop: 16 }]} minPresenceAhead={80}>
          Trends by month
        </Text>
        <Text style={[s.muted, { marginBottom: 4 }]}>Mean score of the services at each month&apos;s end, and the findings unresolved then.</Text>
        {data.trend.map((t) => (
          <View key={t.month} style={[s.row, { alignItems: "center" }]} wrap={false}>
            <Text style={{ width: 70 }}>{t.month.slice(0, 7)}</Text>
            <View style={s.bar}>
              <View style={{ width: `${t.score ?? 0}%`, height: 6, backgroundColor: "#4f46e5", borderRadius: 3 }} />
            </View>
            <Text style={{ width: 50, textAlign: "right" }}>{score(t.score)}</Text>
            <Text style={{ width: 110, textAlign: "right" }}>{t.unresolved} unresolved</Text>
          </View>
        ))}
      </Page>
      {data.services.map((svc) => (
        <Page key={svc.name} size="A4" style={s.page}>
          <Frame data={data} />
          <Text style={s.h2}>{svc.name}</Text>
          <Text style={s.muted}>
            Team {svc.team} · criticality {svc.criticality} · last assessed {when(svc.lastAssessedAt)} · score {score(svc.latestScore)}
          </Text>
          <View style={{ marginTop: 10 }}>
            {svc.factorScores.map((v, i) => (
              <View key={i} style={[s.row, { alignItems: "center" }]}>
                <Text style={{ width: 130 }}>
                  {i + 1}. {data.factorNames[i]}
                </Text>
                <View style={s.bar}>
                  <View style={{ width: `${v ?? 0}%`, height: 6, backgroundColor: "#4f46e5", borderRadius: 3 }} />
                </View>
                <Text style={{ width: 40, textAlign: "right" }}>{score(v)}</Text>
              </View>
            ))}
          </View>
          <Text style={[s.h3, { marginTop: 12 }]}>Open findings ({svc.openFindings.length})</Text>
          {svc.openFindings.length === 0 ? <Text>None.</Text> : null}
          {svc.openFindings.map((f, i) => (
            <Text key={i}>
              {f.itemId} · {f.severity} · {f.status.replace("_", " ")} · due {f.dueDate ? f.dueDate.toISOString().slice(0, 10) : "—"} · owner{" "}
              {f.owner ?? "none"} · {f.title}
            </Text>
          ))}
        </Page>
      ))}
    </Document>
  );
}
