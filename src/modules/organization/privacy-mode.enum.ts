import { registerEnumType } from "type-graphql";
import { TeamwirePrivacyMode } from "../../db/generated/enums.js";
import { DEFAULT_PRIVACY_MODE, TEAMWIRE_PRIVACY_MODES } from "../../vendors/teamwire/privacy-mode.js";

registerEnumType(TeamwirePrivacyMode, {
  name: "TeamwirePrivacyMode",
  description:
    "Teamwire's privacy mode of an organisation (organisation settings `privacy_mode`); the Teamwire dashboard's `settings` " +
    "carries the exact string given with each value.",
  valuesConfig: Object.fromEntries(
    Object.entries(TEAMWIRE_PRIVACY_MODES).map(([mode, text]) => [
      mode,
      {
        description: `Teamwire "${text}"${mode === DEFAULT_PRIVACY_MODE ? "; the mode of an organization until a Teamwire sync or an ingest batch sets one" : ""}.`,
      },
    ]),
  ),
});

export { TeamwirePrivacyMode };
