// Scores are held to one decimal (score.ts rounds every ratio so). Summing them
// as floating-point numbers drifts (69.35 can come out as 69.34999…), and a mean
// rounded from a drifted sum can land on the wrong side of a half: the trend
// once said 69.4 where the raw rows give 69.3 or the reverse, depending on the
// order of the additions. So every mean of scores is taken in whole tenths,
// which add exactly, and rounded half up with integer arithmetic.

/** A number rounded to one decimal: how every score, and every change of score, is held and shown. */
export const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** How much a score moved, to one decimal; null when either end is missing. */
export const scoreChange = (before: number | null, after: number | null): number | null =>
  before === null || after === null ? null : oneDecimal(after - before);

/** A change as people read it: "+2.5", "-1", "0"; `none` where there is nothing to compare. */
export const signedChange = (change: number | null, none = "—"): string => (change === null ? none : change > 0 ? `+${change}` : String(change));

/** A one-decimal score, or a sum of them (within ±0.05 of whole tenths), as a whole number of tenths. */
export const tenths = (score: number): number => Math.round(score * 10);

/** The mean of scores whose tenths add up to `sumTenths`, rounded half up to one decimal; null for none. */
export function meanFromTenths(sumTenths: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((2 * sumTenths + count) / (2 * count)) / 10;
}

/** The mean of one-decimal scores, rounded half up to one decimal; null for none. */
export function meanScore(scores: readonly number[]): number | null {
  return meanFromTenths(
    scores.reduce((sum, score) => sum + tenths(score), 0),
    scores.length,
  );
}
