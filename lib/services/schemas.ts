// What a service is made of, as every edge takes it in: the page's form (through
// its server action) and the public API validate with these same schemas, and
// the form's input limits come from SERVICE_LIMITS, so they cannot drift apart.
import { z } from "zod";
import { tiers } from "../vocabulary/levels";

export const SERVICE_LIMITS = { name: { min: 2, max: 80 }, description: 1000, repositoryUrl: 500 } as const;

const repositoryUrl = z
  .url({ protocol: /^https?$/, error: "Enter an http(s) address, or leave it empty." })
  .max(SERVICE_LIMITS.repositoryUrl, `At most ${SERVICE_LIMITS.repositoryUrl} characters.`);

/** A service's own fields. An empty repository address (a form's empty field) means none. */
export const serviceFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(SERVICE_LIMITS.name.min, `Enter a name of at least ${SERVICE_LIMITS.name.min} characters.`)
    .max(SERVICE_LIMITS.name.max, `At most ${SERVICE_LIMITS.name.max} characters.`),
  description: z.string().trim().max(SERVICE_LIMITS.description, `At most ${SERVICE_LIMITS.description} characters.`).default(""),
  criticality: z.enum(tiers.values, "Choose a tier."),
  repositoryUrl: z.preprocess((value) => (value === "" ? null : value), repositoryUrl.nullable()).default(null),
});

export type ServiceFields = z.infer<typeof serviceFieldsSchema> & { teamId: string };

/** A new service in a team the form chooses (the API takes the token's team). */
export const newServiceSchema = serviceFieldsSchema.extend({ teamId: z.uuid("Choose a team.") });
export const serviceUpdateSchema = newServiceSchema.extend({ serviceId: z.uuid() });
