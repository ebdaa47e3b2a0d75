// Building blocks of the OpenAPI document's schemas: inputs generated from zod,
// references, nullable types and closed lists of values.
import { z } from "zod";

/** What a value must look like on the way in, as JSON Schema. */
export function inputSchema(schema: z.ZodType): Record<string, unknown> {
  const generated: Record<string, unknown> = { ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) };
  delete generated.$schema; // the document's dialect is OpenAPI 3.1's own
  return generated;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (type: string, extra: object = {}) => ({ type: [type, "null"], ...extra });
export const oneOf = (values: readonly string[]) => ({ type: "string", enum: [...values] });
