// Timing and memory helpers for the benchmark: percentiles of repeated runs, and
// the peak resident memory of a process between two points (Linux: writing 5 to
// clear_refs resets VmHWM).
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export interface Timings {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  if (sorted.length === 0) return { runs: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return { runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1)!) };
}

export async function repeat(runs: number, warmup: number, fn: () => Promise<void>): Promise<Timings> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

/** Resident memory now, in MB: the baseline a page's peak is compared with. */
export function currentMemoryMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number.parseInt(line?.split(/\s+/)[1] ?? "0", 10) / 1024);
}

/** Peak resident memory since the last reset, in MB. */
export function peakMemoryMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmHWM:"));
  return Math.round(Number.parseInt(line?.split(/\s+/)[1] ?? "0", 10) / 1024);
}

/**
 * The scripts a page makes a modern browser load, once each. Those marked
 * nomodule (Next's legacy polyfills) are skipped by every browser that runs modules.
 */
export function pageScripts(html: string): string[] {
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  return [...new Set(tags.map((m) => m[1]!))];
}

/** The JavaScript a browser loads for a page on its first visit, gzip-compressed, in kB. */
export async function firstLoadJsKb(base: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const scripts = pageScripts(html);
  let bytes = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return Math.round(bytes / 102.4) / 10;
}
