// Fonts and styles shared by every PDF Twelvefold writes.
import path from "node:path";
import { Font, StyleSheet } from "@react-pdf/renderer";
import { oneDecimal } from "../scoring/mean";

const fonts = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
Font.register({
  family: "Geist",
  fonts: [{ src: path.join(fonts, "Geist-Regular.ttf") }, { src: path.join(fonts, "Geist-Bold.ttf"), fontWeight: 700 }],
});
// Long hashes and links wrap anywhere rather than overflow the page.
Font.registerHyphenationCallback((word) => (word.length > 24 ? (word.match(/.{1,12}/g) ?? [word]) : [word]));

export const pdf = StyleSheet.create({
  page: { fontFamily: "Geist", fontSize: 9, paddingTop: 48, paddingBottom: 56, paddingHorizontal: 44, color: "#0f172a", lineHeight: 1.35 },
  header: { position: "absolute", top: 18, left: 44, right: 44, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: "#475569" },
  // A4 is 842 points tall; a top offset places the footer reliably where "bottom" did not.
  footer: { position: "absolute", top: 810, left: 44, right: 44, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: "#475569" },
  // Line heights are set per heading: an inherited one is the body's, in points.
  h1: { fontSize: 22, fontWeight: 700, lineHeight: 1.25, marginBottom: 4 },
  h2: { fontSize: 14, fontWeight: 700, lineHeight: 1.3, marginTop: 4, marginBottom: 8 },
  h3: { fontSize: 10, fontWeight: 700, lineHeight: 1.35 },
  muted: { color: "#475569" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 3 },
  cell: { flex: 1 },
  label: { fontWeight: 700 },
  bar: { height: 6, backgroundColor: "#e2e8f0", borderRadius: 3, flex: 1, marginHorizontal: 6 },
  mono: { fontSize: 7.5 },
});

export const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");
export const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
export const score = (n: number | null) => (n === null ? "—" : String(oneDecimal(n)));
