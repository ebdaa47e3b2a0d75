// How much one import may carry, by each way in.

/** A catalogue sent to the API or by the CLI: ten thousand components take about 5 MB. */
export const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

/** What the admin page uploads at once (a CSV file, or catalogue files): under the server actions' body limit. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
