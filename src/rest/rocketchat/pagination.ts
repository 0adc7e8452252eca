import { RocketChatError } from "./errors.js";

/**
 * `statistics.list` paging as Rocket.Chat 8 does it (docs/vendors/rocketchat.md, "Request handling"):
 * getPaginationItems reads the validated `count` and `offset` with parseInt, with the workspace
 * settings at their defaults (API_Default_Count 50, API_Upper_Count_Limit 100,
 * API_Allow_Infinite_Count on), and MongoDB then applies them as `skip` and `limit`.
 */

export const RC_DEFAULT_COUNT = 50;
export const RC_MAX_COUNT = 100;

/** What getPaginationItems makes of the validated parameters (numbers, or null for an empty value). */
export function paginationItems(params: { offset?: number | null; count?: number | null }): { offset: number; count: number } {
  const offset = params.offset ? Number.parseInt(String(params.offset), 10) : 0;
  let count = params.count === undefined || params.count === null ? RC_DEFAULT_COUNT : Number.parseInt(String(params.count || 0), 10);
  if (count > RC_MAX_COUNT) count = RC_MAX_COUNT;
  return { offset, count };
}

/**
 * The page the store reads for those numbers, as MongoDB's find would: `limit` 0 is every item,
 * a negative count reads its absolute value (a negative limit), and a negative offset is the
 * find command's own 400. `offset` is the number the answer echoes.
 */
export function pageWindow(items: { offset: number; count: number }): { offset: number; limit: number } {
  if (items.offset < 0) {
    throw new RocketChatError(400, { success: false, error: `BSON field 'skip' value must be >= 0, actual value '${items.offset}'` });
  }
  // parseInt of "Infinity" (count=1e400 passes the validator): not a number the store can page by.
  const offset = Number.isNaN(items.offset) ? 0 : items.offset + 0; // + 0: parseInt("-0.5") is -0
  const limit = Number.isNaN(items.count) ? RC_MAX_COUNT : Math.abs(items.count);
  return { offset, limit };
}
