import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { bulkPool } from "../../db/bulk";
import { copyField } from "../../db/copy";
import type { ToolFinding, ToolRun } from "../../evidence/imports/types";

/** What the import's row says once the whole file is read. */
export interface ImportRow {
  format: string;
  formatVersion: string;
  tools: unknown;
  sha256: string;
  byteSize: number;
  resultCount: number;
  mappedCount: number;
  notes: string[];
}

/** Who sent the import, known before its first byte is read. */
export interface ImportOrigin {
  serviceId: string;
  fileName: string | null;
  mappingVersion: string;
  tokenId: string | null;
  submittedById: string;
  submittedAt: Date;
}

/**
 * An import's results written as they are read: one transaction on a plain
 * connection (Prisma does not speak COPY), begun at the first result, with COPY
 * taking each row as the parser gives it. `settle` waits for Postgres to take
 * what was written (so a fast upload cannot outrun the database and pile up in
 * memory); `commit` fills in the import's row and commits; `abort` rolls back.
 */
export function createResultWriter(origin: ImportOrigin) {
  let client: pg.PoolClient | null = null;
  let copy: NodeJS.WritableStream | null = null;
  let importId: string | null = null;
  let pending: string[] = [];
  let full = false;
  let failure: unknown = null;

  const begin = async () => {
    client = await bulkPool().connect();
    await client.query("BEGIN");
    // The row goes in first (the results refer to it) and is completed at commit.
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO evidence_imports (service_id, format, format_version, file_name, sha256, byte_size, result_count, mapped_count, mapping_version, token_id, submitted_by_id, submitted_at)
       VALUES ($1, 'sarif', '', $2, '', 0, 0, 0, $3, $4, $5, $6) RETURNING id`,
      [origin.serviceId, origin.fileName, origin.mappingVersion, origin.tokenId, origin.submittedById, origin.submittedAt],
    );
    importId = rows[0]!.id;
    copy = client.query(copyFrom("COPY imported_results (import_id, tool, tool_version, rule, level, severity, file, line, message, item_ids) FROM STDIN"));
    copy.on("error", (error) => (failure ??= error));
  };

  const flush = async () => {
    if (failure) throw failure;
    if (!pending.length) return;
    if (!client) await begin();
    const lines = pending.map((line) => `${copyField(importId)}\t${line}`).join("");
    pending = [];
    full = !copy!.write(lines);
    if (full) await once(copy as unknown as NodeJS.EventEmitter, "drain");
    if (failure) throw failure;
  };

  return {
    /** Takes one result (synchronously: the parser calls it), to be written at the next settle. */
    add(tool: ToolRun["tool"], finding: ToolFinding, items: string[]) {
      const f = finding;
      pending.push(`${[tool.name, tool.version, f.rule, f.level, f.severity, f.file, f.line, f.message, items].map(copyField).join("\t")}\n`);
    },
    settle: flush,
    /** Writes what is left, completes the import's row and commits; the import's id. */
    async commit(row: ImportRow): Promise<string> {
      await flush();
      if (!client) await begin();
      copy!.end();
      await finished(copy!);
      await client!.query(
        `UPDATE evidence_imports SET format = $2, format_version = $3, tools = $4::jsonb, sha256 = $5, byte_size = $6, result_count = $7, mapped_count = $8, notes = $9::jsonb
         WHERE id = $1`,
        [
          importId,
          row.format,
          row.formatVersion,
          JSON.stringify(row.tools),
          row.sha256,
          row.byteSize,
          row.resultCount,
          row.mappedCount,
          JSON.stringify(row.notes),
        ],
      );
      await client!.query("COMMIT");
      client!.release();
      client = null;
      return importId!;
    },
    /** Nothing of the import is kept. */
    async abort() {
      pending = [];
      if (!client) return;
      const held = client;
      client = null;
      // The connection is closed, not given back: Postgres rolls the transaction (and a COPY half-way) back.
      copy?.on("error", () => undefined);
      held.release(new Error("import abandoned"));
    },
  };
}
