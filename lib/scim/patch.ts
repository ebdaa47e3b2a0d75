// RFC 7644 §3.5.2 PATCH, applied by scim-patch to a resource as SCIM shows it.
// The result is validated like a PUT body by the caller; an operation that
// cannot apply is the client's error (400 invalidValue), never a 500.
import { scimPatch, type ScimPatchOperation } from "scim-patch";
import { ScimError } from "./resources";

export function patchResource<T extends object>(resource: T, operations: ScimPatchOperation[]): Record<string, unknown> {
  try {
    return scimPatch(structuredClone(resource) as never, operations) as Record<string, unknown>;
  } catch (error) {
    throw new ScimError(400, `The patch cannot be applied: ${(error as Error).message}`, "invalidValue");
  }
}
