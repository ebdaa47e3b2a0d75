// Reading the PDFs the app makes, as a reader would: their text (pdf.js) and
// images of their first pages (Poppler's pdftoppm), kept under test-results/pdf
// for a person to look at.
import { execFile } from "node:child_process";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const out = path.resolve(import.meta.dirname, "..", "..", "test-results", "pdf");

export async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  // Text extraction splits runs at arbitrary places: compare with all spacing removed.
  return { pages: doc.numPages, text: pages.join("").replace(/\s+/g, "") };
}

/**
 * Keeps the PDF and PNG images of its first two pages as test artifacts, and
 * returns the images' sizes in bytes (a blank page compresses to almost nothing).
 */
export async function keepFirstPages(bytes: Buffer, name: string): Promise<number[]> {
  await mkdir(out, { recursive: true });
  const ours = (files: string[]) => files.filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png")).sort();
  for (const old of ours(await readdir(out))) await rm(path.join(out, old));
  const pdf = path.join(out, `${name}.pdf`);
  await writeFile(pdf, bytes);
  await promisify(execFile)("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "2", pdf, path.join(out, name)]);
  const images = ours(await readdir(out));
  return Promise.all(images.map(async (f) => (await stat(path.join(out, f))).size));
}
