// The frame on every page of every Twelvefold PDF, so a printed page stands on
// its own: what it is, who exported it and when, the export id, where to
// verify it, and the page number.
import { Text, View } from "@react-pdf/renderer";
import { pdf as s, when } from "./pdf-theme";

export function ReportFrame({
  title,
  exportId,
  exportedBy,
  generatedAt,
  verifyUrl,
}: {
  title: string;
  exportId: string;
  exportedBy: string;
  generatedAt: Date;
  verifyUrl: string;
}) {
  return (
    <>
      <View style={s.header} fixed>
        <Text style={{ flex: 1, marginRight: 16 }}>{title}</Text>
        <Text style={{ textAlign: "right" }}>
          Exported by {exportedBy} at {when(generatedAt)}
        </Text>
      </View>
      <View style={s.footer} fixed>
        <Text style={{ flex: 1, marginRight: 16 }}>
          Export {exportId} · verify this file at {verifyUrl}
        </Text>
        <Text style={{ textAlign: "right" }} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} fixed />
      </View>
    </>
  );
}
