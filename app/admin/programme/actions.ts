"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action";
import { updateProgrammeSettings } from "@/lib/data/programme/settings";
import { requestContextOf } from "@/lib/security/client-address";
import { severities } from "@/lib/vocabulary/levels";
import { withChecked } from "@/lib/actions/checked";

const days = z.coerce.number().int("Whole days.").min(7, "At least 7 days.").max(1095, "At most 1,095 days (three years).");

// Four-eyes severities come as one box each, fourEyes_<severity>.
const schema = withChecked("fourEyes_", "fourEyes", z.enum(severities.values), { critical: days, high: days, medium: days, low: days }, 4);

export const saveProgrammeAction = adminAction("programme.settings", schema, async (principal, input) => {
  const changed = await updateProgrammeSettings(
    principal,
    { intervals: { critical: input.critical, high: input.high, medium: input.medium, low: input.low }, fourEyes: input.fourEyes },
    requestContextOf(await headers()),
  );
  revalidatePath("/admin/programme");
  return { ok: true, message: changed ? "Saved. Due dates and the next daily scan follow the new cadence." : "Nothing changed." };
});
