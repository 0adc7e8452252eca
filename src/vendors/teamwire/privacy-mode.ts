import type { TeamwirePrivacyMode } from "../../db/generated/enums.js";

/**
 * Teamwire's privacy modes as Teamwire writes them (organisation settings `privacy_mode`, the
 * dashboard's `settings`; docs/vendors/teamwire.md §1.1), by the identifier the store keeps.
 */
export const TEAMWIRE_PRIVACY_MODES = {
  ADDRESS_BOOK_ONLY: "Address book only",
  INTERNAL_AND_EXTERNAL: "Internal and external",
  INTERNAL_ONLY: "Internal only",
  GROUPS_ONLY: "Groups only",
} as const satisfies Record<TeamwirePrivacyMode, string>;

export type TeamwirePrivacyModeText = (typeof TEAMWIRE_PRIVACY_MODES)[TeamwirePrivacyMode];

/** The mode of an organization nobody has told the gateway about: the unrestricted one. */
export const DEFAULT_PRIVACY_MODE: TeamwirePrivacyMode = "INTERNAL_AND_EXTERNAL";

const normalized = (text: string) =>
  text
    .trim()
    .replace(/[\s_]+/g, " ")
    .toLowerCase();

const BY_TEXT = new Map(
  Object.entries(TEAMWIRE_PRIVACY_MODES).flatMap(([mode, text]) => [
    [normalized(text), mode as TeamwirePrivacyMode],
    [normalized(mode), mode as TeamwirePrivacyMode],
  ]),
);

/**
 * The mode a Teamwire string (or an identifier such as `INTERNAL_ONLY`) names, ignoring case,
 * surrounding blanks and `_` for spaces; undefined for anything else.
 */
export function privacyModeOf(text: string): TeamwirePrivacyMode | undefined {
  return BY_TEXT.get(normalized(text));
}
