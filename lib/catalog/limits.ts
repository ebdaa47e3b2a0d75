// How much one import may carry, by each way in.

/** A catalogue sent to the API or by the CLI: ten thousand components take about 5 MB. */
export const MAX_CATALOG_BYTES = 20 * 1024 * 1024;
