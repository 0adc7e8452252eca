import { Field, ID, InputType } from "type-graphql";
import { Vendor } from "../shared/enums.js";
import { SourceCredentialsInput } from "./source-credentials.input.js";

@InputType({ description: "A vendor the organization uses, for the pull connector." })
export class RegisterSourceInput {
  @Field(() => ID, { nullable: true, description: "Organization; default the viewer's. Another one needs SUPERADMIN." })
  organizationId?: string | null;

  @Field(() => Vendor, { description: "The vendor." })
  vendor!: Vendor;

  @Field(() => String, { description: "Base URL of the vendor API, http(s)." })
  baseUrl!: string;

  @Field(() => String, { nullable: true, description: "The vendor's id for the tenant." })
  externalId?: string | null;

  @Field(() => SourceCredentialsInput, {
    nullable: true,
    description: "Credentials for the pull connector, stored encrypted; omitted: the stored ones are kept.",
  })
  credentials?: SourceCredentialsInput | null;
}
