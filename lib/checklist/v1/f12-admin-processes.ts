import { asvs, cis, defineFactor, ssdf, twelveFactor } from "../define";

export const adminProcesses = defineFactor(
  {
    number: 12,
    key: "admin-processes",
    name: "Admin processes",
    date: "2019-11-04",
    summary:
      "One-off admin processes deserve the same security scrutiny as factors one to eleven. Bring them into product discussions and understand their risks, rather than treating them as scripts outside the product.",
  },
  [
    {
      id: "F12-SAME-SCRUTINY",
      title: "Admin processes are held to the same standard as the app",
      guidance:
        "Migrations, data fixes, maintenance scripts and consoles live in the app's repository, are reviewed, tested and released through the same pipeline, and follow the same config, secret and logging rules as the app.",
      verify:
        "List the admin processes in use. For each, find it in the repository and its last review; ask whether any script is run from a laptop or a wiki page.",
      evidence: "Admin process list with repository paths and review links.",
      severity: "high",
      basis: "series",
      standards: [twelveFactor("XII. Admin processes"), ssdf("PW.7.2")],
    },
    {
      id: "F12-RISK-DISCUSSED",
      title: "Admin processes and their risks are part of product and design reviews",
      guidance:
        "Design reviews and threat models include the admin processes a feature needs (backfills, support tools, data exports), naming their risks and how they are contained.",
      verify: "Open the last two design reviews or threat models; check they cover the admin processes involved.",
      evidence: "Links to the two reviews with the relevant sections.",
      severity: "medium",
      basis: "series",
      standards: [asvs("1.1.2")],
    },
    {
      id: "F12-RELEASE-ENVIRONMENT",
      title: "Admin processes run as one-off processes of a release, not on hand-held servers",
      guidance:
        "Admin tasks run as one-off processes of the current release, with its code and config, through an audited mechanism (a job runner or pipeline), not by SSH into production hosts or with ad-hoc copies of the code.",
      verify: "Ask how the last data fix was run. Check whether interactive SSH to production hosts is possible and who has it.",
      evidence: "Record of the last admin run; SSH access policy for production.",
      severity: "high",
      basis: "twelve-factor",
      standards: [twelveFactor("XII. Admin processes"), cis("4.6")],
    },
    {
      id: "F12-LEAST-PRIVILEGE",
      title: "Admin tasks run with their own identity, least privilege and time limits",
      guidance:
        "Each admin task runs under an identity with only the permissions it needs, granted just in time and expiring afterwards; nobody keeps standing production admin rights for occasional tasks.",
      verify: "List who holds standing admin rights in production and why. Check that the last admin task used a time-limited grant.",
      evidence: "Standing admin list; the time-limited grant record.",
      severity: "high",
      basis: "practice",
      standards: [cis("5.4"), cis("6.8"), asvs("4.1.3")],
    },
    {
      id: "F12-AUDITED",
      title: "Every admin run is recorded: who, what, when and the outcome",
      guidance:
        "Each run of an admin process logs who started it, the exact command or job and its version, the target environment, start and end time and the result, as a security event in the central log.",
      verify: "Find the record of the last three admin runs in the central log.",
      evidence: "The three records as found in the central log, with their run ids.",
      severity: "high",
      basis: "practice",
      standards: [asvs("7.1.3"), cis("8.5")],
    },
    {
      id: "F12-APPROVAL-DRY-RUN",
      title: "Destructive admin tasks need a second person and can be rehearsed",
      guidance:
        "Tasks that change or delete data support a dry run that shows what would change, and running them for real in production requires approval from a second person.",
      verify: "Pick a data-changing admin task and run its dry-run mode in staging. Find the approval for its last production run.",
      evidence: "Dry-run output; the approval record.",
      severity: "medium",
      basis: "practice",
      standards: [cis("6.1")],
    },
    {
      id: "F12-CONSOLES-GUARDED",
      title: "Production consoles and REPLs are disabled or tightly guarded",
      guidance:
        "Interactive consoles against production (framework REPLs, database shells) are unavailable by default; where they exist they require MFA, a recorded reason, session recording, and expire.",
      verify: "Try to open a production console with an ordinary engineer account. Review the last console sessions and their recorded reasons.",
      evidence: "Result of the attempt; console session log.",
      severity: "medium",
      basis: "practice",
      standards: [cis("5.4"), cis("6.5")],
    },
  ],
);
