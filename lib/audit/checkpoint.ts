// A checkpoint: the head of the audit chain (its seq, id and hash) at a moment,
// signed with the Ed25519 key derived from the audit key. Kept outside the
// database (a file the operator stores elsewhere, and every periodic one in the
// security log stream), it proves that no event up to that head was later
// removed or changed: `npm run audit:verify -- --checkpoint FILE`. Anyone can
// check the signature itself with the public key it names (openssl pkeyutl).
import { sign, verify } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../canonical-json";
import { checkpointKeys, type AuditKey } from "./key";

export const CHECKPOINT_TYPE = "twelvefold.audit-checkpoint/v1";

export const checkpointSchema = z.object({
  type: z.literal(CHECKPOINT_TYPE),
  seq: z.string().regex(/^\d{1,19}$/),
  id: z.string().regex(/^\d{1,19}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  madeAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().max(400),
  signature: z.string().max(200),
});

export type Checkpoint = z.infer<typeof checkpointSchema>;

export interface ChainHead {
  seq: string;
  id: string;
  hash: string;
}

/** What the signature covers: every field but the signature itself. */
const signedPart = (checkpoint: Checkpoint) => Buffer.from(canonicalJson({ ...checkpoint, signature: undefined }));

export function makeCheckpoint(key: AuditKey, head: ChainHead, madeAt: Date): Checkpoint {
  const { privateKey, publicKeyPem } = checkpointKeys(key);
  const unsigned = { type: CHECKPOINT_TYPE, ...head, madeAt: madeAt.toISOString(), keyId: key.id, publicKey: publicKeyPem, signature: "" } as const;
  return { ...unsigned, signature: sign(null, signedPart(unsigned), privateKey).toString("base64") };
}

/** Whether the checkpoint was signed with one of these keys (not merely with the key it names). */
export function checkpointSignedBy(checkpoint: Checkpoint, keys: Map<string, AuditKey>): boolean {
  const key = keys.get(checkpoint.keyId);
  if (!key) return false;
  const { publicKey, publicKeyPem } = checkpointKeys(key);
  if (publicKeyPem !== checkpoint.publicKey) return false;
  return verify(null, signedPart(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
}

/** A checkpoint from a file: the checkpoint itself, or a security log line that carries one. */
export function parseCheckpoint(text: string): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("the checkpoint file is not JSON");
  }
  const candidate = value && typeof value === "object" && "checkpoint" in value ? (value as { checkpoint: unknown }).checkpoint : value;
  const parsed = checkpointSchema.safeParse(candidate);
  if (!parsed.success)
    throw new Error(
      `the checkpoint file is not a Twelvefold audit checkpoint (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`,
    );
  return parsed.data;
}
