import { asvs, cis, defineFactor, slsa, ssdf, twelveFactor } from "../define";

export const codebase = defineFactor(
  {
    number: 1,
    key: "codebase",
    name: "Codebase",
    date: "2018-06-07",
    summary:
      "Code is only as safe as the systems that hold and build it. Lock the repository down so that only authenticated, authorised people can read it; organisation-wide visibility is common and wrong.",
  },
  [
    {
      id: "F01-REPO-ACCESS",
      title: "Repository read access is limited to the people who need it",
      guidance:
        "The repository is private. Read access is granted to named teams that work on the service, not to the whole organisation, all contractors or an 'everyone' group. Outside collaborators are time-limited.",
      verify:
        "Open the repository's access settings and the organisation's base permission. List every team and person with read or higher; each must have a reason. The base permission is 'none'.",
      evidence: "Export or screenshot of the access list and the organisation base permission, dated.",
      severity: "high",
      basis: "series",
      standards: [ssdf("PS.1.1"), cis("6.8")],
    },
    {
      id: "F01-STRONG-AUTH",
      title: "Everyone with access signs in through SSO with multi-factor authentication",
      guidance:
        "Access to the code host goes through the organisation's identity provider with MFA enforced. No shared accounts; machine access uses scoped deploy keys or app tokens, never a person's credentials.",
      verify:
        "Check that the organisation enforces SSO and MFA. Pull the member list and confirm there are no accounts without SSO linkage and no shared or generic users.",
      evidence: "Settings page showing SSO and MFA enforcement; member list with SSO status.",
      severity: "high",
      basis: "practice",
      standards: [cis("6.3"), cis("6.5"), asvs("2.10.1")],
    },
    {
      id: "F01-BRANCH-PROTECTION",
      title: "The release branch only changes through reviewed, checked pull requests",
      guidance:
        "The default and release branches are protected: at least one reviewer other than the author approves, required checks pass, force-push and deletion are blocked, and administrators are not exempt.",
      verify:
        "Read the branch protection or ruleset for the default branch. Sample five recent merges and confirm each had an approving review by someone other than the author.",
      evidence: "Branch protection settings; links to the five sampled pull requests.",
      severity: "high",
      basis: "practice",
      standards: [ssdf("PW.7.2"), slsa("Source track (two-party review)")],
    },
    {
      id: "F01-ACCESS-REVIEW",
      title: "Repository access is reviewed regularly and removed on departure",
      guidance:
        "Access is reviewed at least quarterly by the service owner, and leavers lose access the day they leave, driven by the identity provider rather than by memory.",
      verify:
        "Ask for the last access review record. Pick two people who left in the last six months and confirm they no longer have access and when it was removed.",
      evidence: "Last access review (date, reviewer, changes made); deprovisioning record for the sampled leavers.",
      severity: "medium",
      basis: "practice",
      standards: [cis("5.3"), cis("6.2")],
    },
    {
      id: "F01-SECRET-SCANNING",
      title: "Pushes are scanned for secrets and the history holds none",
      guidance:
        "Secret scanning with push protection blocks credentials before they land. The full history has been scanned once; any secret ever committed has been rotated, not just deleted from the tip.",
      verify:
        "Confirm push protection is enabled. Run a secret scanner (e.g. gitleaks or trufflehog) over the full history and review every hit; each must be a false positive or a rotated credential.",
      evidence: "Scanner configuration; the history scan report with the disposition of each hit.",
      severity: "critical",
      basis: "practice",
      standards: [asvs("2.10.4"), ssdf("PS.1.1")],
    },
    {
      id: "F01-DEPLOY-TRACEABLE",
      title: "One codebase per app, and every deploy traces to a commit",
      guidance:
        "The service has exactly one repository (shared code lives in versioned libraries), and every running release can be traced to the commit it was built from, so a reviewer knows what code is actually live.",
      verify:
        "Ask which commit production runs now and how you would know. Confirm it from the deploy record or the artifact's metadata, not from someone's memory.",
      evidence: "Deploy record or artifact label showing the commit of the running release.",
      severity: "medium",
      basis: "twelve-factor",
      standards: [twelveFactor("I. Codebase"), slsa("Build L1 (provenance exists)")],
    },
    {
      id: "F01-HOST-AUDIT-LOG",
      title: "The code host's audit log is kept and watched",
      guidance:
        "Permission changes, visibility changes, new deploy keys, bulk clones and disabled protections appear in an audit log that is exported to central logging and alerts on the risky ones.",
      verify:
        "Open the organisation audit log; confirm it is streamed or exported and that an alert exists for visibility changes and branch-protection changes.",
      evidence: "Audit log streaming configuration; the alert rule definitions.",
      severity: "low",
      basis: "practice",
      standards: [cis("8.2"), cis("8.11")],
    },
  ],
);
