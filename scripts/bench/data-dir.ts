import path from "node:path";

/** Where `npm run seed:scale` keeps its embedded database (and `npm run bench` finds it). */
export const SCALE_DATA_DIR = ".data-scale";

/**
 * Where seed:scale keeps the demo password for the benchmark: beside its
 * embedded database, or in .data-scale/ when it filled DATABASE_URL.
 */
export function benchPasswordFile(databaseUrl: string | undefined, dataDir: string): string {
  return path.join(databaseUrl ? SCALE_DATA_DIR : dataDir, "bench-password");
}
