import { latestChecklist } from "./index";

/** The twelve factors' names, in order (index 0 = factor 1). */
export const FACTOR_NAMES: readonly string[] = latestChecklist().factors.map((factor) => factor.name);
