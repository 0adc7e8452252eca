import { randomInt } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be a gateway id (a UUID). Anything else names no object. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const METEOR_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

/** A new random 17-character Meteor-style id (Rocket.Chat `_id` of users, workspaces and snapshots). */
export function newMeteorId(): string {
  return Array.from({ length: 17 }, () => METEOR_ALPHABET[randomInt(METEOR_ALPHABET.length)]).join("");
}
