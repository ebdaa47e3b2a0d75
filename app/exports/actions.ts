"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signedInAction, type ActionState } from "@/lib/actions/action";
import { requestPortfolioExport } from "@/lib/data/exports/request-portfolio-export";
import { requestContextOf } from "@/lib/security/client-address";

const schema = z.object({
  team: z
    .string()
    .trim()
    .max(48)
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9-]+$/, "Choose a team from the list.")
        .optional(),
    ),
  /** An audit period's end, YYYY-MM-DD; empty for today (checked by the data layer). */
  asOf: z.string().trim().max(10).optional(),
});

/** The origin the user works from: what the report names as its verification address. */
function originOf(request: Headers): string {
  const origin = request.get("origin");
  if (origin && URL.canParse(origin)) return new URL(origin).origin;
  return `${request.get("x-forwarded-proto") === "https" ? "https" : "http"}://${request.get("host") ?? "localhost"}`;
}

/** Asks for a portfolio report; a worker makes it while the page shows its progress. */
export const requestPortfolioExportAction = signedInAction(
  "export.request_portfolio",
  schema,
  async (principal, input): Promise<ActionState<{ exportId: string }>> => {
    const headerList = await headers();
    const { exportId } = await requestPortfolioExport(
      principal,
      { teamSlug: input.team, asOf: input.asOf || null },
      {
        origin: originOf(headerList),
        ...requestContextOf(headerList),
      },
    );
    return { ok: true, message: "Your portfolio report is queued.", data: { exportId } };
  },
);
