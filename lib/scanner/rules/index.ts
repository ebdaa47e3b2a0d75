import type { Rule } from "../rule";
import { buildSecrets } from "./build-secrets";
import { committedCredentials } from "./committed-credentials";
import { containerUser, privilegedPort } from "./container";
import { databaseTls } from "./database-tls";
import { lockfile } from "./lockfile";
import { logFiles } from "./log-files";
import { shutdown } from "./shutdown";

/** In checklist order of the items they bear on. */
export const RULES: Rule[] = [committedCredentials, lockfile, buildSecrets, databaseTls, containerUser, privilegedPort, shutdown, logFiles];
