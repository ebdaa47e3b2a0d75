import { asvs, cis, defineFactor, slsa, ssdf, twelveFactor } from "../define";

export const buildReleaseRun = defineFactor(
  {
    number: 5,
    key: "build-release-run",
    name: "Build, release, run",
    date: "2018-10-29",
    summary:
      "Build, release and run are separate stages, and each needs its own security posture, with automated hand-offs between them. The series gives no more detail; the items below draw on supply-chain practice (SLSA, NIST SSDF).",
  },
  [
    {
      id: "F05-SEPARATE-STAGES",
      title: "Build, release and run are separate, with separate credentials",
      guidance:
        "The build system cannot deploy to production, the deploy system cannot change artifacts, and the running service cannot write to the artifact store or the pipeline. Each stage has its own identity and only its own permissions.",
      verify:
        "List the credentials each stage uses and what they can do. Confirm the build's credentials have no production deploy rights and the runtime has no write access to the registry.",
      evidence: "Per-stage credential list with permissions.",
      severity: "high",
      basis: "series",
      standards: [twelveFactor("V. Build, release, run"), ssdf("PO.5.1")],
    },
    {
      id: "F05-AUTOMATED-HANDOFF",
      title: "Hand-offs between stages are automated, with no manual changes in between",
      guidance:
        "Artifacts move from build to release to run through the pipeline only: nobody copies binaries by hand, edits files on servers or patches a running container. Emergency changes go through the same path, faster.",
      verify:
        "Walk through the last three deployments in the pipeline history. Ask how a hotfix is shipped; check that production hosts give no interactive write access.",
      evidence: "Pipeline runs of the last three deployments; the hotfix procedure.",
      severity: "medium",
      basis: "series",
      standards: [slsa("Build L2 (hosted build platform)")],
    },
    {
      id: "F05-IMMUTABLE-RELEASES",
      title: "Releases are immutable and uniquely identified",
      guidance:
        "Each release combines one build with one configuration and has a unique id (version or timestamp). A release is never changed in place; rolling back means deploying an earlier release.",
      verify:
        "Check that image tags or artifacts are immutable (registry immutability setting or digests in deploy manifests). Ask how the last rollback was done.",
      evidence: "Registry immutability setting or deploy manifest pinned by digest; the last rollback record.",
      severity: "medium",
      basis: "twelve-factor",
      standards: [twelveFactor("V. Build, release, run"), ssdf("PS.3.1")],
    },
    {
      id: "F05-PROVENANCE",
      title: "Artifacts are signed with provenance, and deploys verify it",
      guidance:
        "The build emits signed provenance naming the source commit and the builder; the deploy step verifies the signature and refuses artifacts that do not come from the expected repository and pipeline.",
      verify:
        "Fetch the provenance of the current production artifact and verify its signature. Try deploying an unsigned artifact in staging: it must be refused.",
      evidence: "Provenance document and verification output; the refusal in staging.",
      severity: "high",
      basis: "practice",
      standards: [slsa("Build L2 (signed provenance)"), ssdf("PS.2.1"), asvs("10.3.2")],
    },
    {
      id: "F05-SECURITY-GATES",
      title: "Security tests gate every release",
      guidance:
        "The pipeline runs static analysis, dependency analysis, secret scanning and infrastructure-as-code checks on every change; a failing gate stops the release, and overriding it leaves a record with a name and a reason.",
      verify: "Read the pipeline definition for each gate and its failure behaviour. Look for overrides in the last quarter and their recorded reasons.",
      evidence: "Pipeline definition excerpt; list of overrides with reasons.",
      severity: "high",
      basis: "practice",
      standards: [ssdf("PW.7.2"), ssdf("PW.8.2"), asvs("14.1.1")],
    },
    {
      id: "F05-HARDENED-BUILDS",
      title: "Builds run on isolated, ephemeral workers with scoped secrets",
      guidance:
        "Each build runs on a fresh worker that is discarded after; builds cannot influence one another; secrets are available only to the protected-branch jobs that need them, never to builds of untrusted pull requests.",
      verify:
        "Check the runner configuration (ephemeral or reused) and the secret scoping rules. Open a pull request from a fork in a test repo and confirm it cannot read secrets.",
      evidence: "Runner configuration; secret scoping settings; result of the fork test.",
      severity: "high",
      basis: "practice",
      standards: [slsa("Build L3 (hardened builds)"), ssdf("PO.3.2")],
    },
    {
      id: "F05-MINIMAL-RUNTIME",
      title: "The run stage uses a minimal, non-root, read-only image",
      guidance:
        "The runtime image holds only what the service needs (no compilers, package managers or shells where avoidable), runs as a non-root user and mounts its filesystem read-only except for explicit scratch space.",
      verify:
        "Inspect the image: its user, its package list and the deploy manifest's read-only root filesystem setting. Try writing outside scratch space in a running container.",
      evidence: "Image inspection output; deploy manifest excerpt; the failed write.",
      severity: "medium",
      basis: "practice",
      standards: [asvs("14.2.2"), cis("4.8")],
    },
  ],
);
