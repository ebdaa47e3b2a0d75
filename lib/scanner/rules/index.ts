import type { Rule } from "../rule";
import { buildSecrets } from "./build-secrets";
import { committedCredentials } from "./committed-credentials";
import { commitTraceable, configLeak, dependencyUpdates, envValidation, rateLimits, secretStore, tokenExpiry, tokenSignature } from "./code";
import { containerUser, privilegedPort } from "./container";
import { databaseTls } from "./database-tls";
import { defaultCredentials } from "./default-credentials";
import { lockfile } from "./lockfile";
import { logFiles, structuredLogs } from "./log-files";
import { actionPinning, ciDependencyScan, ciSbom, ciSecretScan, ciSigning, ciStaticAnalysis, workflowPermissions } from "./pipeline";
import { imagePinning, resourceLimits, runtimeHardening } from "./runtime";
import { shutdown } from "./shutdown";
import { stageSeparation } from "./stages";
import { tokenIssuance } from "./tokens";
import { databaseUsers } from "./database-users";
import { hostedRunners, verifiedInstalls } from "./supply";
import { buildTools, codeReview, loadTests, pushProtection } from "./practice";
import { logStream, rotation } from "./derived";
import { plainBackingService, serviceCalls } from "./transport";
import { pipelineDeploys, plainLogs, requestLimits, requestValidation, securityHeaders, serverTimeouts, sessionState } from "./app";
import { adminIdentity, healthProbes, meshIdentity, oneOffJobs, publicEntry, serviceExposure } from "./cluster";
import { cloudDatabaseTls, edgeTls, publicDatabase } from "./terraform";

/** In checklist order of the items they bear on. */
export const RULES: Rule[] = [
  codeReview,
  committedCredentials,
  ciSecretScan,
  pushProtection,
  commitTraceable,
  lockfile,
  ciSbom,
  ciDependencyScan,
  dependencyUpdates,
  actionPinning,
  verifiedInstalls,
  buildTools,
  envValidation,
  secretStore,
  rotation,
  buildSecrets,
  configLeak,
  databaseTls,
  cloudDatabaseTls,
  plainBackingService,
  databaseUsers,
  defaultCredentials,
  imagePinning,
  stageSeparation,
  pipelineDeploys,
  ciSigning,
  ciStaticAnalysis,
  workflowPermissions,
  hostedRunners,
  runtimeHardening,
  sessionState,
  requestValidation,
  meshIdentity,
  serviceCalls,
  publicDatabase,
  containerUser,
  privilegedPort,
  publicEntry,
  edgeTls,
  securityHeaders,
  serviceExposure,
  requestLimits,
  serverTimeouts,
  resourceLimits,
  rateLimits,
  loadTests,
  tokenSignature,
  tokenExpiry,
  tokenIssuance,
  shutdown,
  healthProbes,
  structuredLogs,
  plainLogs,
  logFiles,
  logStream,
  oneOffJobs,
  adminIdentity,
];
