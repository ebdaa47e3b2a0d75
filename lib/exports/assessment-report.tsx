// The assessment report as a PDF document (@react-pdf/renderer): a cover, an
// executive summary, every factor with every item and its findings, and the
// sign-off trail. Every page names the export, who made it, when, and where to
// verify it, so a printed page stands on its own.
import { Document, Link, Page, Text, View } from "@react-pdf/renderer";
import { answerStatuses } from "../vocabulary/answers";
import type { ResponseStatus } from "../vocabulary/answers";
import { day, pdf, score, when } from "./pdf-theme";
import { ReportFrame } from "./report-frame";
import type { AssessmentReportData, ReportItem } from "./assessment-report-data";
import { scoreChange, signedChange } from "../scoring/mean";

const s = {
  ...pdf,
  item: { borderWidth: 0.5, borderColor: "#cbd5e1", borderRadius: 3, padding: 8, marginBottom: 8 },
};

function Frame({ data }: { data: AssessmentReportData }) {
  return (
    <ReportFrame
      title={`Twelvefold assessment report · ${data.service.name}`}
      exportId={data.exportId}
      exportedBy={data.exportedBy}
      generatedAt={data.generatedAt}
      verifyUrl={data.verifyUrl}
    />
  );
}

function Item({ item }: { item: ReportItem }) {
  return (
    <View style={s.item} wrap={false}>
      <Text style={s.h3}>
        {item.id} · {item.title}
      </Text>
      <Text style={s.muted}>
        Severity {item.severity} · Status: {answerStatuses.label(item.status as ResponseStatus) ?? item.status}
      </Text>
      <Text>
        <Text style={s.label}>Justification: </Text>
        {item.justification || "—"}
      </Text>
      <Text>
        <Text style={s.label}>Notes: </Text>
        {item.notes || "—"}
      </Text>
      <Text>
        <Text style={s.label}>Attested and validated: </Text>
        {item.attestation}
      </Text>
      {item.origin ? (
        <Text>
          <Text style={s.label}>Answer origin: </Text>
          {item.origin}
        </Text>
      ) : null}
      <Text style={s.label}>Evidence links:</Text>
      {item.evidenceLinks.length ? (
        item.evidenceLinks.map((link) => (
          <Link key={link} src={link} style={s.mono}>
            {link}
          </Link>
        ))
      ) : (
        <Text>—</Text>
      )}
      <Text style={s.label}>Attachments:</Text>
      {item.attachments.length ? (
        item.attachments.map((a) => (
          <Text key={a.sha256 + a.fileName} style={s.mono}>
            {a.fileName} ({a.sizeBytes} bytes) SHA-256 {a.sha256}
          </Text>
        ))
      ) : (
        <Text>—</Text>
      )}
      {item.findings.map((f, i) => (
        <Text key={i}>
          <Text style={s.label}>Finding: </Text>
          {f.severity}, {f.status.replace("_", " ")}, owner {f.owner ?? "none"}, due {day(f.dueDate)}
          {f.risk
            ? `; risk accepted by ${f.risk.approvedBy ?? "a former user"}${f.risk.requestedBy ? ` at the request of ${f.risk.requestedBy} (four eyes)` : ""} until ${day(f.risk.expiresAt)}: ${f.risk.reason}`
            : ""}
        </Text>
      ))}
    </View>
  );
}

export function AssessmentReport({ data }: { data: AssessmentReportData }) {
  const a = data.assessment;
  const change = data.previous ? scoreChange(data.previous.overallScore, a.overallScore) : null;
  return (
    <Document title={`Assessment of ${data.service.name}`} author="Twelvefold" subject={`Export ${data.exportId}`} creator="Twelvefold">
      <Page size="A4" style={s.page}>
        <Frame data={data} />
        <Text style={s.h1}>Assessment of {data.service.name}</Text>
        <Text style={s.muted}>
          Team {data.service.team} · criticality {data.service.criticality} · state {a.status.replace("_", " ")}
        </Text>
        <View style={{ marginTop: 18 }}>
          {[
            ["Checklist", `v${a.checklistVersion} (SHA-256 ${a.checklistHash})`],
            ["Started", when(a.startedAt)],
            ["Submitted", when(a.submittedAt)],
            ["Reviewer", a.reviewer ?? "—"],
            ["Approved", when(a.approvedAt)],
            ["Approver", a.approver ?? "—"],
            ["Assessment id", a.id],
            ["Export id", data.exportId],
          ].map(([k, v]) => (
            <View key={k} style={s.row}>
              <Text style={{ width: 100, fontWeight: 700 }}>{k}</Text>
              <Text style={s.cell}>{v}</Text>
            </View>
          ))}
        </View>
        <Text style={[s.h2, { marginTop: 24 }]}>Executive summary</Text>
        <Text>
          Overall score {score(a.overallScore)} of 100
          {data.previous
            ? `; ${change === null ? "no change measurable" : `${change >= 0 ? "+" : ""}${change}`} since the assessment approved ${day(data.previous.approvedAt)} (${score(data.previous.overallScore)})`
            : "; the service's first completed assessment"}
          .
        </Text>
        <Text>
          Open findings: {data.openFindings.critical} critical, {data.openFindings.high} high, {data.openFindings.medium} medium, {data.openFindings.low} low.
        </Text>
        <View style={{ marginTop: 10 }}>
          {data.factors.map((f) => (
            <View key={f.number} style={[s.row, { alignItems: "center" }]}>
              <Text style={{ width: 130 }}>
                {f.number}. {f.name}
              </Text>
              <View style={s.bar}>
                <View style={{ width: `${f.score ?? 0}%`, height: 6, backgroundColor: "#4f46e5", borderRadius: 3 }} />
              </View>
              <Text style={{ width: 40, textAlign: "right" }}>{score(f.score)}</Text>
              <Text style={{ width: 60, textAlign: "right" }}>{signedChange(scoreChange(f.before, f.score), "")}</Text>
            </View>
          ))}
        </View>
      </Page>
      {data.factors.map((f) => (
        <Page key={f.number} size="A4" style={s.page}>
          <Frame data={data} />
          <Text style={s.h2}>
            Factor {f.number}: {f.name} · score {score(f.score)}
          </Text>
          {f.items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </Page>
      ))}
      <Page size="A4" style={s.page}>
        <Frame data={data} />
        <Text style={s.h2}>Sign-off trail</Text>
        {data.trail.map((t, i) => (
          <View key={i} style={s.row}>
            <Text style={{ width: 70, fontWeight: 700 }}>{t.kind}</Text>
            <Text style={{ width: 150 }}>{t.actor}</Text>
            <Text style={{ width: 110 }}>{when(t.occurredAt)}</Text>
            <Text style={s.cell}>{t.comment}</Text>
          </View>
        ))}
        <Text style={[s.muted, { marginTop: 16 }]}>
          {`The SHA-256 of this file is recorded with export ${data.exportId}. Upload it, or enter its hash, at ${data.verifyUrl} to confirm it is unaltered.`}
        </Text>
      </Page>
    </Document>
  );
}
