// A closed list of values, declared once: each member's name in the app (as
// Postgres stores it), its label, and the Prisma enum key it maps to. Every
// other form (zod enum, option list, label, database value) derives from the
// table, so a member added to the database enum without a label, or a label
// without a database member, fails to compile where the table is declared.
import { z } from "zod";

export interface Term {
  readonly value: string;
  readonly label: string;
}

type Table = Readonly<Record<string, Term>>;
type ValueOf<T extends Table> = T[keyof T]["value"];
type DbOf<T extends Table> = keyof T & string;

export interface Vocabulary<V extends string, Db extends string, M extends Record<Db, V> = Record<Db, V>> {
  /** Every member, in the order declared (which is also the order of rank). */
  readonly values: readonly [V, ...V[]];
  readonly schema: z.ZodEnum<{ [K in V]: K }>;
  readonly labels: Readonly<Record<V, string>>;
  readonly options: readonly { value: V; label: string }[];
  label(value: V): string;
  is(value: unknown): value is V;
  /** A tally of zero for every member, to count into. */
  count(): Record<V, number>;
  toDb(value: V): Db;
  /** The member a database value stands for (narrowed: `fromDb("MET")` is `"met"`). */
  fromDb<D extends Db>(value: D): M[D];
}

export type ValueOfVocabulary<T> = T extends { readonly values: readonly (infer V)[] } ? V : never;

export function defineVocabulary<const T extends Table>(table: T): Vocabulary<ValueOf<T>, DbOf<T>, { [D in DbOf<T>]: T[D]["value"] }> {
  type V = ValueOf<T>;
  type Db = DbOf<T>;
  const entries = Object.entries(table) as [Db, T[Db]][];
  if (entries.length === 0) throw new Error("A vocabulary needs at least one member.");
  const values = entries.map(([, term]) => term.value as V) as unknown as readonly [V, ...V[]];
  const toDb = new Map<string, Db>(entries.map(([db, term]) => [term.value, db]));
  const fromDb = new Map<string, V>(entries.map(([db, term]) => [db, term.value as V]));
  const labels = Object.fromEntries(entries.map(([, term]) => [term.value, term.label])) as Record<V, string>;
  const known = new Set<unknown>(values);
  const lookup = <K, R>(map: Map<K, R>, key: K): R => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`Not a member of this vocabulary: ${String(key)}`);
    return found;
  };
  return {
    values,
    schema: z.enum(values as unknown as [V, ...V[]]) as unknown as z.ZodEnum<{ [K in V]: K }>,
    labels,
    options: values.map((value) => ({ value, label: labels[value] })),
    label: (value) => labels[value],
    is: (value): value is V => known.has(value),
    count: () => Object.fromEntries(values.map((value) => [value, 0])) as Record<V, number>,
    toDb: (value) => lookup(toDb, value),
    fromDb: <D extends Db>(value: D) => lookup(fromDb, value) as { [K in Db]: T[K]["value"] }[D],
  };
}
