// Computes migration SQL with Prisma's WebAssembly schema engine: the difference
// between what prisma/migrations builds and what prisma/schema.prisma describes.
// Used by `npm run db:diff` (writes a new migration) and by the sync test (the
// difference must be empty). A development tool: the running app never loads it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import { readMigrations } from "./migrator";

export const EMPTY_MIGRATION = "-- This is an empty migration.";

// The package's entry imports its .wasm as an ES module, which Node 20 cannot
// load; instantiate it by hand, once per process (the engine keeps global state).
let engineClass: Promise<typeof SchemaEngine> | undefined;
function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine as typeof SchemaEngine;
  })();
  return engineClass;
}

// The engine describes a schema from pg_catalog, whose "char" columns (OID 18,
// arrays 1002) adapter-pg cannot decode, while the engine wants them typed as
// Character. The pg client relabels them as text so the adapter accepts them,
// and tags the row array (which the adapter passes through untouched) with
// their positions; the adapter wrapper then reports them as Character.
const CHAR_COLUMNS = Symbol("charColumns");
const CHARACTER = 6; // ColumnTypeEnum.Character
const CHARACTER_ARRAY = 70; // ColumnTypeEnum.CharacterArray

function relabel(result: pg.QueryResult | undefined): void {
  if (!result?.fields) return;
  const positions = new Map<number, number>();
  result.fields.forEach((field, index) => {
    if (field.dataTypeID === 18) {
      field.dataTypeID = 25;
      positions.set(index, CHARACTER);
    } else if (field.dataTypeID === 1002) {
      field.dataTypeID = 1009;
      positions.set(index, CHARACTER_ARRAY);
    }
  });
  if (positions.size) Object.defineProperty(result.rows, CHAR_COLUMNS, { value: positions });
}

class RelabellingClient extends pg.Client {
  // pg-pool calls query(config, values, callback); direct callers use the promise.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => {
        if (!error) relabel(result);
        last(error, result);
      };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const returned = (super.query as (...a: any[]) => any)(...args);
    if (returned && typeof returned.then === "function") {
      return returned.then((result: pg.QueryResult) => (relabel(result), result));
    }
    return returned;
  }
}

// PrismaPg splits scripts on ";" (breaking dollar-quoted function bodies), and
// its shadow database is dropped before its pool closes (so the DROP fails).
// This subclass runs each script whole and owns every pool and shadow database.
class WholeScriptPg extends PrismaPg {
  private readonly pool: pg.Pool;
  private readonly cleanups: (() => Promise<void>)[] = [];
  constructor(private readonly connection: PoolConfig) {
    const pool = new pg.Pool({ ...connection, Client: RelabellingClient });
    // adapter-pg drops its own error listener on dispose; dropping the shadow
    // database then terminates idle clients, which must not crash the process.
    pool.on("error", () => {});
    super(pool);
    this.pool = pool;
    this.cleanups.push(() => pool.end());
  }
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      const positions = (result.rows as unknown as { [CHAR_COLUMNS]?: Map<number, number> })[CHAR_COLUMNS];
      positions?.forEach((type, index) => {
        (result.columnTypes as number[])[index] = type;
      });
      return result;
    };
    return adapter;
  }
  override async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
    await this.pool.query(`CREATE DATABASE "${name}"`);
    const shadow = new WholeScriptPg({ ...this.connection, database: name });
    this.cleanups.unshift(async () => {
      await shadow.close();
      await this.pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    return shadow.connect();
  }
  async close(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
  }
}

type PoolConfig = ReturnType<typeof poolConfig>;

function poolConfig(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
  };
}

async function migrationList(dir: string): Promise<MigrationList> {
  const migrations = await readMigrations(dir);
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.sql } },
    })),
  };
}

/**
 * SQL that takes a database built by the migrations in `migrationsDir` to the
 * schema in `schemaPath`. `serverUrl` must let us create (and drop) a scratch
 * "shadow" database on that server.
 */
export async function diffMigrationsToSchema(options: { serverUrl: string; migrationsDir: string; schemaPath: string }): Promise<string> {
  const content = await readFile(options.schemaPath, "utf8");
  const files = [{ path: "schema.prisma", content }];
  const factory = new WholeScriptPg(poolConfig(options.serverUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const Engine = await loadSchemaEngine();
  const engine = await Engine.new({ datamodels: [["schema.prisma", content]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await migrationList(options.migrationsDir)) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").trim();
  } finally {
    engine.free();
    await factory.close();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql === "" || sql === EMPTY_MIGRATION;
}
