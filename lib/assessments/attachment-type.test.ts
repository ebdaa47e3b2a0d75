import { describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES, checkAttachment, cleanFileName } from "./attachment-type";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("checkAttachment", () => {
  it("accepts files whose bytes match their extension", () => {
    expect(checkAttachment("scan.pdf", bytes("%PDF-1.7\n…"))).toEqual({ ok: true, contentType: "application/pdf", fileName: "scan.pdf" });
    expect(checkAttachment("shot.PNG", bytes(PNG, "rest"))).toMatchObject({ ok: true, contentType: "image/png" });
    expect(checkAttachment("notes.md", bytes("# Evidence\nAll good ✓"))).toMatchObject({ ok: true, contentType: "text/plain" });
  });

  it("refuses disguised files", () => {
    expect(checkAttachment("report.pdf", bytes("<html><script>alert(1)</script>"))).toMatchObject({ ok: false, reason: expect.stringContaining("not a PDF") });
    expect(checkAttachment("image.png", bytes("%PDF-1.4"))).toMatchObject({ ok: false });
    expect(checkAttachment("log.txt", bytes([0x4d, 0x5a, 0x90, 0x00]))).toMatchObject({ ok: false });
    expect(checkAttachment("data.csv", bytes([0xff, 0xfe, 0xfd]))).toMatchObject({ ok: false });
  });

  it("refuses unknown types, empty and oversized files", () => {
    expect(checkAttachment("page.html", bytes("<p>hi</p>"))).toMatchObject({ ok: false, reason: expect.stringContaining("not accepted") });
    expect(checkAttachment("tool.exe", bytes([0x4d, 0x5a]))).toMatchObject({ ok: false });
    expect(checkAttachment("noextension", bytes("text"))).toMatchObject({ ok: false });
    expect(checkAttachment("empty.txt", new Uint8Array())).toMatchObject({ ok: false, reason: "The file is empty." });
    expect(checkAttachment("big.txt", new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(65))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("larger"),
    });
  });
});

describe("cleanFileName", () => {
  it("drops paths, control characters and quotes", () => {
    expect(cleanFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(cleanFileName('C:\\temp\\a"b\r\n.txt')).toBe("ab.txt");
    expect(cleanFileName("   ")).toBe("attachment");
  });
});
