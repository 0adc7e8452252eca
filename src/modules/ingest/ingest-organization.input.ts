import { Field, ID, InputType } from "type-graphql";
import { TeamwirePrivacyMode } from "../organization/privacy-mode.enum.js";

@InputType({ description: "Settings of an organization, applied with the batch (an ADMIN may only name its own organization)." })
export class IngestOrganizationInput {
  @Field(() => ID, { description: "The organization; at most once per batch." }) id!: string;
  @Field(() => TeamwirePrivacyMode, { description: "Its Teamwire privacy mode (the Teamwire dashboard's `settings`)." })
  privacyMode!: TeamwirePrivacyMode;
}
