// The organisation `npm run seed:scale` adds around the demo one: more teams and
// services, each with a trajectory, so a thousand services over five years drift
// the way real portfolios do. Pure and seeded, like the demo.
import { DOSSIER_SLUG } from "./dossier";
import { SELF_SERVICE } from "./self-assessment";
import { DEMO_SERVICES, DEMO_TEAMS, type DemoService, type Trajectory } from "./org";
import { createRandom, hashString } from "./random";

const TEAM_NAMES = [
  "Search",
  "Catalogue",
  "Orders",
  "Fulfilment",
  "Messaging",
  "Analytics",
  "Mobile",
  "Web Storefront",
  "Data Platform",
  "Risk",
  "Billing",
  "Support Tools",
  "Partner APIs",
  "Media",
  "Notifications",
  "Growth",
  "Infrastructure",
  "Loyalty",
  "Pricing",
  "Logistics",
  "Trust and Safety",
  "Developer Experience",
  "Marketplace",
  "Accounts",
];
const COMPONENTS = [
  "API",
  "Worker",
  "Gateway",
  "Scheduler",
  "Indexer",
  "Importer",
  "Exporter",
  "Cache",
  "Console",
  "Webhooks",
  "Sync",
  "Reporter",
  "Ingest",
  "Router",
  "Resolver",
  "Service",
  "Store",
  "Stream",
  "Bridge",
  "Renderer",
];
const TRAJECTORIES: Trajectory[] = ["improving", "improving", "regressing", "stagnant", "stagnant", "recovering"];
const CRITICALITIES = ["critical", "high", "high", "medium", "medium", "medium", "low"] as const;

export interface ScaleTeam {
  slug: string;
  name: string;
  description: string;
}

export interface ScaleOrganisation {
  teams: ScaleTeam[];
  /** Services beyond the demo's, each with the slug of its team. */
  services: DemoService[];
}

/** The demo's own services: the fifteen of the story, and Twelvefold itself. */
export const DEMO_SERVICE_COUNT = DEMO_SERVICES.length + 1;

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * `teams` and `services` count the whole organisation, the demo's 3 teams and
 * 16 services (Twelvefold itself among them) included. Owners are left to the seed (a team's own people).
 */
export function scaleOrganisation(options: { teams: number; services: number }): ScaleOrganisation {
  const extraTeams = Math.max(0, options.teams - DEMO_TEAMS.length);
  if (extraTeams > TEAM_NAMES.length) throw new Error(`at most ${TEAM_NAMES.length + DEMO_TEAMS.length} teams`);
  const teams = TEAM_NAMES.slice(0, extraTeams).map((name) => ({
    slug: slugOf(name),
    name,
    description: `The ${name} team's services.`,
  }));
  const allTeams = [...DEMO_TEAMS.map((t) => t.slug), ...teams.map((t) => t.slug)];
  const rng = createRandom(hashString("scale-organisation"));
  const taken = new Set([...DEMO_SERVICES.map((s) => s.slug), SELF_SERVICE.slug, DOSSIER_SLUG]);
  const services: DemoService[] = [];
  for (let index = 0; services.length < Math.max(0, options.services - DEMO_SERVICE_COUNT); index++) {
    const team = allTeams[index % allTeams.length]!;
    const teamName = [...DEMO_TEAMS, ...teams].find((t) => t.slug === team)!.name;
    let name = `${teamName} ${rng.pick(COMPONENTS)}`;
    for (let n = 2; taken.has(slugOf(name)); n++) name = `${name.replace(/ \d+$/, "")} ${n}`;
    taken.add(slugOf(name));
    const trajectory = rng.pick(TRAJECTORIES);
    const from = rng.between(0.3, 0.85);
    const drift = trajectory === "improving" ? rng.between(0.1, 0.4) : trajectory === "regressing" ? -rng.between(0.1, 0.3) : rng.between(-0.05, 0.08);
    services.push({
      team,
      name,
      slug: slugOf(name),
      description: `${name}: part of the ${teamName} team's estate.`,
      criticality: rng.pick(CRITICALITIES),
      trajectory,
      from,
      to: Math.min(0.97, Math.max(0.2, from + drift)),
      owner: "",
    });
  }
  // The first one keeps its write-ups in full (lib/demo/dossier.ts).
  if (services[0])
    services[0] = { ...services[0], name: "Audit Evidence Archive", slug: DOSSIER_SLUG, description: "Audit Evidence Archive: reviewed with full write-ups." };
  return { teams, services };
}

/** The names the scale demo gives its people, drawn at random. */
export const PERSON_NAMES = {
  first: ["Alex", "Sam", "Jo", "Kai", "Noor", "Ravi", "Lena", "Mateo", "Yuki", "Zara", "Femi", "Ola", "Ines", "Hugo", "Mei", "Arjun"],
  last: ["Adams", "Berg", "Costa", "Dubois", "Eze", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura"],
} as const;
