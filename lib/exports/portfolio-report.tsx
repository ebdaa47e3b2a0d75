// The portfolio report as a PDF: a summary, the heatmap, the trends by month,
// then a page per service. Same frame as the assessment report: every page
// names the export, its maker, the time, the page and where to verify it.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { pdf as s, score, when } from "./pdf-theme";

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
    <>
      <View style={s.header} fixed>
        <Text>Twelvefold portfolio report · {data.scope} · export {data.exportId}</Text>
        <Text>Exported by {data.exportedBy} at {when(data.generatedAt)}</Text>
      </View>
      <View style={s.footer} fixed>
        <Text>Verify this file at {data.verifyUrl}</Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} fixed />
      </View>
    </>
  );
}

const cellStyle = { width: 24, textAlign: "center" as const, fontSize: 7 };

export function PortfolioReport({ data }: { data: PortfolioReportData }) {
  const sum = data.summary;
  return (
    <Document title={`Portfolio report: ${data.scope}`} author="Twelvefold" subject={`Export ${data.exportId}`} creator="Twelvefold">
      <Page size="A4" style={s.page}>
        <Frame data={data} />
        <Text style={s.h1}>Portfolio report</Text>
        <Text style={s.muted}>{data.scope} · {sum.services} services, {sum.assessed} assessed</Text>
        <Text style={[s.h2, { marginTop: 16 }]}>Summary</Text>
        <Text>Portfolio score {score(sum.score)} of 100 (the mean latest score of the assessed services).</Text>
        <Text>Open findings: {sum.open.critical} critical, {sum.open.high} high, {sum.open.medium} medium, {sum.open.low} low; {sum.overdue} overdue.</Text>
        <Text style={[s.h2, { marginTop: 16 }]}>Heatmap</Text>
        <View style={[s.row, { fontWeight: 700 }]}>
          <Text style={{ width: 140 }}>Service</Text>
          <Text style={cellStyle}>All</Text>
          {data.factorNames.map((_, i) => <Text key={i} style={cellStyle}>F{i + 1}</Text>)}
        </View>
        {data.services.map((svc) => (
          <View key={svc.name} style={s.row} wrap={false}>
            <Text style={{ width: 140 }}>{svc.name}</Text>
            <Text style={cellStyle}>{score(svc.latestScore)}</Text>
            {svc.factorScores.map((v, i) => <Text key={i} style={cellStyle}>{score(v)}</Text>)}
          </View>
        ))}
        <Text style={[s.muted, { marginTop: 4, fontSize: 7 }]}>{data.factorNames.map((n, i) => `F${i + 1} ${n}`).join(" · ")}</Text>
      </Page>
      <Page size="A4" style={s.page}>
        <Frame data={data} />
        <Text style={s.h2}>Trends by month</Text>
        {data.trend.map((t) => (
          <View key={t.month} style={[s.row, { alignItems: "center" }]} wrap={false}>
            <Text style={{ width: 70 }}>{t.month.slice(0, 7)}</Text>
            <View style={s.bar}><View style={{ width: `${t.score ?? 0}%`, height: 6, backgroundColor: "#4f46e5", borderRadius: 3 }} /></View>
            <Text style={{ width: 50, textAlign: "right" }}>{score(t.score)}</Text>
            <Text style={{ width: 110, textAlign: "right" }}>{t.unresolved} unresolved</Text>
          </View>
        ))}
      </Page>
      {data.services.map((svc) => (
        <Page key={svc.name} size="A4" style={s.page}>
          <Frame data={data} />
          <Text style={s.h2}>{svc.name}</Text>
          <Text style={s.muted}>Team {svc.team} · criticality {svc.criticality} · last assessed {when(svc.lastAssessedAt)} · score {score(svc.latestScore)}</Text>
          <View style={{ marginTop: 10 }}>
            {svc.factorScores.map((v, i) => (
              <View key={i} style={[s.row, { alignItems: "center" }]}>
                <Text style={{ width: 130 }}>{i + 1}. {data.factorNames[i]}</Text>
                <View style={s.bar}><View style={{ width: `${v ?? 0}%`, height: 6, backgroundColor: "#4f46e5", borderRadius: 3 }} /></View>
                <Text style={{ width: 40, textAlign: "right" }}>{score(v)}</Text>
              </View>
            ))}
          </View>
          <Text style={[s.h3, { marginTop: 12 }]}>Open findings ({svc.openFindings.length})</Text>
          {svc.openFindings.length === 0 ? <Text>None.</Text> : null}
          {svc.openFindings.map((f, i) => (
            <Text key={i}>
              {f.itemId} · {f.severity} · {f.status.replace("_", " ")} · due {f.dueDate ? f.dueDate.toISOString().slice(0, 10) : "—"} · owner {f.owner ?? "none"} · {f.title}
            </Text>
          ))}
        </Page>
      ))}
    </Document>
  );
}
