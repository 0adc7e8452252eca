import { Field, ID, InputType } from "type-graphql";
import { Vendor } from "../shared/enums.js";
import { IngestIdentityInput } from "./ingest.input.js";

@InputType({ description: "A client installation to create or update, keyed by (vendor, externalId)." })
export class IngestDeviceInput {
  @Field(() => ID, { description: "The organization." }) organizationId!: string;
  @Field(() => ID, { nullable: true, description: "The device's user (or give `identity`)." }) userId?: string | null;
  @Field(() => IngestIdentityInput, { nullable: true, description: "The device's user by vendor identity." })
  identity?: IngestIdentityInput | null;
  @Field(() => Vendor, { description: "The vendor." }) vendor!: Vendor;
  @Field(() => String, { description: "The vendor's device id." }) externalId!: string;
  @Field(() => String, { description: "Operating system." }) os!: string;
  @Field(() => String, { nullable: true, description: "OS version." }) osVersion?: string | null;
  @Field(() => String, { description: "Client (app) name." }) client!: string;
  @Field(() => String, { nullable: true, description: "Client version." }) clientVersion?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Managed (MDM) device; default false." }) managed?: boolean | null;
  @Field(() => String, { nullable: true, description: "Device locale." }) locale?: string | null;
  @Field(() => String, { nullable: true, description: "First seen, ISO 8601; default lastSeenAt. Only ever moves earlier." }) firstSeenAt?:
    string | null;
  @Field(() => String, { description: "Last seen, ISO 8601. Only ever moves later." }) lastSeenAt!: string;
}
