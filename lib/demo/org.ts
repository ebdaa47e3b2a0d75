// The demo organisation: who works where, and the story each service tells.
import type { TeamRole as Role } from "../vocabulary/roles";

export type Trajectory = "improving" | "regressing" | "stagnant" | "recovering" | "new";

export interface DemoPerson {
  email: string;
  name: string;
  /** Demo accounts get the demo password; the others exist as owners and reviewers. */
  signsIn: boolean;
  isAdmin?: boolean;
  orgAuditor?: boolean;
  roles: Partial<Record<string, Role>>;
}

export interface DemoService {
  team: string;
  name: string;
  slug: string;
  description: string;
  criticality: "critical" | "high" | "medium" | "low";
  trajectory: Trajectory;
  /** Maturity (0-1) at the first and at the latest assessment. */
  from: number;
  to: number;
  owner: string;
}

export const DEMO_TEAMS = [
  { slug: "payments", name: "Payments", description: "Checkout, payment rails and the ledger." },
  { slug: "identity", name: "Identity", description: "Sign-in, directory and multi-factor authentication." },
  { slug: "platform", name: "Platform", description: "Build, deploy, secrets and observability for every team." },
];

/**
 * The demo's catalogue owner mapping (public/examples/catalog): the Backstage
 * group "payments-engineering" answers as the Payments team. The catalogue's
 * other groups share a team's address, and are found by it.
 */
export const DEMO_CATALOG_OWNERS = [{ ownerRef: "group:default/payments-engineering", team: "payments" }];

/**
 * The demo's identity-provider groups (Admin > Identity provider): what members
 * of each get once SSO sends a groups claim or SCIM pushes the group.
 */
export const DEMO_GROUP_MAPPINGS = [
  { groupName: "payments-engineers", team: "payments", role: "reviewer" },
  { groupName: "platform-leads", team: "platform", role: "lead" },
] as const;

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: "reviewer@demo.test", name: "Riley Reviewer", signsIn: true, roles: { payments: "reviewer", platform: "reviewer" } },
  { email: "lead@demo.test", name: "Lee Lead", signsIn: true, roles: { payments: "lead", platform: "lead" } },
  { email: "auditor@demo.test", name: "Avery Auditor", signsIn: true, orgAuditor: true, roles: {} },
  { email: "admin@demo.test", name: "Ada Admin", signsIn: true, isAdmin: true, roles: {} },
  // A Payments engineer who answers for Checkout API's items; Riley validates what she says.
  { email: "owner@demo.test", name: "Olive Owner", signsIn: true, roles: { payments: "owner" } },
  { email: "maya.chen@demo.test", name: "Maya Chen", signsIn: false, roles: { payments: "reviewer" } },
  { email: "omar.haddad@demo.test", name: "Omar Haddad", signsIn: false, roles: { payments: "reviewer" } },
  { email: "ines.okafor@demo.test", name: "Ines Okafor", signsIn: false, roles: { identity: "reviewer" } },
  { email: "tomas.reyes@demo.test", name: "Tomás Reyes", signsIn: false, roles: { identity: "lead" } },
  { email: "priya.nair@demo.test", name: "Priya Nair", signsIn: false, roles: { identity: "reviewer" } },
  { email: "jonas.berg@demo.test", name: "Jonas Berg", signsIn: false, roles: { platform: "reviewer" } },
  // Payments' second lead: four eyes on its critical and high risk acceptances.
  { email: "noor.patel@demo.test", name: "Noor Patel", signsIn: false, roles: { payments: "lead" } },
];

export const DEMO_SERVICES: DemoService[] = [
  {
    team: "payments",
    name: "Checkout API",
    slug: "checkout-api",
    description: "Public API behind the web and mobile checkout.",
    criticality: "critical",
    trajectory: "improving",
    from: 0.42,
    to: 0.86,
    owner: "maya.chen@demo.test",
  },
  {
    team: "payments",
    name: "Payment Gateway",
    slug: "payment-gateway",
    description: "Talks to card networks and wallets; holds the PSP credentials.",
    criticality: "critical",
    trajectory: "stagnant",
    from: 0.7,
    to: 0.72,
    owner: "omar.haddad@demo.test",
  },
  {
    team: "payments",
    name: "Ledger Service",
    slug: "ledger-service",
    description: "Double-entry ledger and settlement reconciliation.",
    criticality: "high",
    trajectory: "improving",
    from: 0.55,
    to: 0.93,
    owner: "maya.chen@demo.test",
  },
  {
    team: "payments",
    name: "Invoice Renderer",
    slug: "invoice-renderer",
    description: "Renders invoices and receipts to PDF.",
    criticality: "medium",
    trajectory: "regressing",
    from: 0.78,
    to: 0.5,
    owner: "omar.haddad@demo.test",
  },
  {
    team: "payments",
    name: "Fraud Scoring",
    slug: "fraud-scoring",
    description: "Scores transactions for fraud risk in real time.",
    criticality: "high",
    trajectory: "recovering",
    from: 0.68,
    to: 0.8,
    owner: "reviewer@demo.test",
  },
  {
    team: "identity",
    name: "Auth Service",
    slug: "auth-service",
    description: "Password and SSO sign-in, session issuance.",
    criticality: "critical",
    trajectory: "improving",
    from: 0.6,
    to: 0.95,
    owner: "ines.okafor@demo.test",
  },
  {
    team: "identity",
    name: "User Directory",
    slug: "user-directory",
    description: "Profiles, groups and SCIM provisioning.",
    criticality: "high",
    trajectory: "stagnant",
    from: 0.58,
    to: 0.6,
    owner: "priya.nair@demo.test",
  },
  {
    team: "identity",
    name: "MFA Gateway",
    slug: "mfa-gateway",
    description: "TOTP, WebAuthn and SMS fallback.",
    criticality: "critical",
    trajectory: "regressing",
    from: 0.88,
    to: 0.64,
    owner: "ines.okafor@demo.test",
  },
  {
    team: "identity",
    name: "Consent Manager",
    slug: "consent-manager",
    description: "Records and serves user privacy consents.",
    criticality: "medium",
    trajectory: "improving",
    from: 0.35,
    to: 0.7,
    owner: "priya.nair@demo.test",
  },
  {
    team: "platform",
    name: "Deploy Pipeline",
    slug: "deploy-pipeline",
    description: "Builds, signs and ships every service.",
    criticality: "high",
    trajectory: "improving",
    from: 0.5,
    to: 0.9,
    owner: "jonas.berg@demo.test",
  },
  {
    team: "platform",
    name: "Secrets Broker",
    slug: "secrets-broker",
    description: "Issues short-lived credentials to workloads.",
    criticality: "critical",
    trajectory: "stagnant",
    from: 0.9,
    to: 0.91,
    owner: "jonas.berg@demo.test",
  },
  {
    team: "platform",
    name: "Log Shipper",
    slug: "log-shipper",
    description: "Ships stdout streams to central storage.",
    criticality: "medium",
    trajectory: "regressing",
    from: 0.75,
    to: 0.55,
    owner: "reviewer@demo.test",
  },
  {
    team: "platform",
    name: "Feature Flags",
    slug: "feature-flags",
    description: "Flag evaluation service and admin console.",
    criticality: "medium",
    trajectory: "recovering",
    from: 0.62,
    to: 0.74,
    owner: "jonas.berg@demo.test",
  },
  {
    team: "platform",
    name: "Status Page",
    slug: "status-page",
    description: "Public incident and uptime page.",
    criticality: "low",
    trajectory: "stagnant",
    from: 0.48,
    to: 0.5,
    owner: "jonas.berg@demo.test",
  },
  {
    team: "payments",
    name: "Payout Scheduler",
    slug: "payout-scheduler",
    description: "Batches merchant payouts. New this month; not yet assessed.",
    criticality: "high",
    trajectory: "new",
    from: 0,
    to: 0,
    owner: "omar.haddad@demo.test",
  },
];
