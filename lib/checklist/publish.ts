// Publishes every checklist version defined in code into the database, once.
// A version already there must match by content hash: published versions are
// immutable, because assessments pin them.
import type { PrismaClient } from "../generated/prisma/client";
import { CHECKLIST_VERSIONS, checklistHash } from "./index";

export async function publishChecklists(prisma: PrismaClient): Promise<{ published: string[] }> {
  const published: string[] = [];
  for (const checklist of CHECKLIST_VERSIONS) {
    const hash = checklistHash(checklist);
    const existing = await prisma.checklistVersion.findUnique({ where: { version: checklist.version } });
    if (existing) {
      if (existing.contentHash !== hash) {
        throw new Error(
          `checklist ${checklist.version} in the database differs from the code (hash ${existing.contentHash.slice(0, 12)}… vs ${hash.slice(0, 12)}…); publish changes as a new version`,
        );
      }
      continue;
    }
    await prisma.checklistVersion.create({
      data: {
        version: checklist.version,
        title: checklist.title,
        contentHash: hash,
        items: checklist.factors,
        publishedAt: new Date(`${checklist.publishedAt}T00:00:00Z`),
      },
    });
    published.push(checklist.version);
  }
  return { published };
}
