import type { Rule } from "../rule";
import { buildSecrets } from "./build-secrets";
import { committedCredentials } from "./committed-credentials";
import { containerUser, privilegedPort } from "./container";
import { databaseTls } from "./database-tls";
import { lockfile } from "./lockfile";
import { logFiles } from "./log-files";
import { actionPinning, ciDependencyScan, ciSbom, ciSecretScan, ciSigning, ciStaticAnalysis, workflowPermissions } from "./pipeline";
import { imagePinning, resourceLimits, runtimeHardening } from "./runtime";
import { shutdown } from "./shutdown";
import { cloudDatabaseTls, edgeTls, publicDatabase } from "./terraform";

/** In checklist order of the items they bear on. */
export const RULES: Rule[] = [
  committedCredentials,
  ciSecretScan,
  lockfile,
  ciSbom,
  ciDependencyScan,
  actionPinning,
  buildSecrets,
  databaseTls,
  cloudDatabaseTls,
  imagePinning,
  ciSigning,
  ciStaticAnalysis,
  workflowPermissions,
  runtimeHardening,
  publicDatabase,
  containerUser,
  privilegedPort,
  edgeTls,
  resourceLimits,
  shutdown,
  logFiles,
];
