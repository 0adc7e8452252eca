import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Vendor } from "../shared/enums.js";
import { TeamwirePrivacyMode } from "./privacy-mode.enum.js";

@ObjectType({ description: "A tenant: one company using one or more of the vendors." })
export class Organization {
  @Field(() => ID, { description: "UUID; Tabnine's organization id." })
  id!: string;

  @Field(() => Int, { description: "Numeric id, used in Teamwire URLs as `organisation_id`." })
  number!: number;

  @Field(() => String, { description: "URL-safe short name, unique." })
  slug!: string;

  @Field(() => String, { description: "Display name (Teamwire `company`, Tabnine `name`)." })
  name!: string;

  @Field(() => [String], { description: "Email domains of the organization." })
  domains!: string[];

  @Field(() => String, { description: "Plan type, e.g. Enterprise." })
  plan!: string;

  @Field(() => TeamwirePrivacyMode, {
    description: "Teamwire privacy mode (Teamwire dashboard `settings`); set by a Teamwire sync or an ingest batch's `organizations`.",
  })
  privacyMode!: TeamwirePrivacyMode;

  @Field(() => Boolean, { description: "Whether SAML single sign-on is enabled." })
  samlEnabled!: boolean;

  @Field(() => Boolean, { description: "Whether outgoing email is configured." })
  smtpConfigured!: boolean;

  @Field(() => Boolean, { description: "Whether username/password login is allowed." })
  usernamePasswordEnabled!: boolean;

  @Field(() => String, { nullable: true, description: "Public key in PEM format (Tabnine `publicKey`), when the organization has one." })
  publicKey!: string | null;

  @Field(() => Boolean, {
    description: "Its users are refused on every surface (FORBIDDEN); superadmins of other organizations still see it.",
  })
  disabled!: boolean;

  @Field(() => GraphQLISODateTime, { description: "When the organization was created." })
  createdAt!: Date;
}

@ObjectType({ description: "A vendor license of the organization." })
export class License {
  @Field(() => Vendor, { description: "The vendor the license is for." })
  vendor!: Vendor;

  @Field(() => Int, { description: "Licensed seats." })
  seats!: number;

  @Field(() => Int, { nullable: true, description: "Hard cap on seats, when the vendor has one." })
  seatsCap!: number | null;

  @Field(() => String, { nullable: true, description: "License audience (Tabnine)." })
  audience!: string | null;

  @Field(() => [String], { description: "Licensed features." })
  features!: string[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the license was issued." })
  issuedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the license expires." })
  expiresAt!: Date | null;

  @Field(() => GraphQLJSONObject, {
    description: "Free-form vendor settings of the license, as the vendor sent them (Tabnine `settings`).",
  })
  settings!: Record<string, unknown>;
}
