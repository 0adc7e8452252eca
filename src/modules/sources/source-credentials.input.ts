import { Field, InputType } from "type-graphql";

@InputType({
  description:
    "Credentials the connector calls the vendor with. Stored encrypted (AES-256-GCM, SOURCE_CREDENTIALS_KEY), never returned nor logged. " +
    "Tabnine: token (admin access token, sent as Bearer). Rocket.Chat: userId and authToken (X-User-Id, X-Auth-Token). " +
    "Teamwire: token (Bearer), or email and password of an admin (session login).",
})
export class SourceCredentialsInput {
  @Field(() => String, { nullable: true, description: "Bearer token (Tabnine, Teamwire)." }) token?: string | null;
  @Field(() => String, { nullable: true, description: "Rocket.Chat user id (X-User-Id)." }) userId?: string | null;
  @Field(() => String, { nullable: true, description: "Rocket.Chat personal access token (X-Auth-Token)." }) authToken?: string | null;
  @Field(() => String, { nullable: true, description: "Teamwire admin email (session login)." }) email?: string | null;
  @Field(() => String, { nullable: true, description: "Teamwire admin password (session login)." }) password?: string | null;
}
