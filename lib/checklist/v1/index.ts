// Version 1 of Twelvefold's checklist for the security addendum to the
// Twelve-Factor App. Published versions never change: edit by adding v2.
import { codebase } from "./f01-codebase";
import { dependencies } from "./f02-dependencies";
import { config } from "./f03-config";
import { backingServices } from "./f04-backing-services";
import { buildReleaseRun } from "./f05-build-release-run";
import { processes } from "./f06-processes";
import { portBinding } from "./f07-port-binding";
import { concurrency } from "./f08-concurrency";
import { disposability } from "./f09-disposability";
import { devProdParity } from "./f10-dev-prod-parity";
import { logs } from "./f11-logs";
import { adminProcesses } from "./f12-admin-processes";

export const checklistV1 = {
  version: "1.0.0",
  title: "Twelve-Factor security addendum checklist",
  publishedAt: "2026-11-22",
  factors: [
    codebase,
    dependencies,
    config,
    backingServices,
    buildReleaseRun,
    processes,
    portBinding,
    concurrency,
    disposability,
    devProdParity,
    logs,
    adminProcesses,
  ],
};
