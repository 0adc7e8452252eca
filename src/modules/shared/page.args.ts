import { ArgsType, Field, InputType, Int } from "type-graphql";
import type { UserPageKey } from "../../loaders/index.js";
import { DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE, pageRequest } from "../../db/pagination.js";
import { badInput } from "../../errors.js";
import { Role, UserStatus, Vendor } from "./enums.js";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)." })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: `Items to skip (after the cursor, if any) before the page starts, 0 to ${MAX_OFFSET}.`,
  })
  offset!: number;
}

@InputType({ description: "Narrows a list of users. All given conditions must hold." })
export class UserFilterInput {
  @Field(() => Boolean, { nullable: true, description: "true: only users in a team; false: only users without a team." })
  teamAssigned?: boolean | null;

  @Field(() => [UserStatus], { nullable: true, description: "Only users with one of these statuses." })
  statuses?: UserStatus[] | null;

  @Field(() => [Role], { nullable: true, description: "Only users with one of these roles." })
  roles?: Role[] | null;

  @Field(() => Vendor, { nullable: true, description: "Only users with an account at this vendor." })
  vendor?: Vendor | null;

  @Field(() => String, {
    nullable: true,
    description: "Only users whose account at `vendor` has this vendor role (exact, e.g. Tabnine `Admin`). Needs `vendor`.",
  })
  vendorRole?: string | null;
}

@ArgsType()
export class UserPageArgs extends PageArgs {
  @Field(() => UserFilterInput, { nullable: true, description: "Conditions on the users." })
  filter?: UserFilterInput | null;
}

/** The loader key of a users page of an organization or team. */
export function userPageKey(parent: UserPageKey["parent"], parentId: string, args: UserPageArgs): UserPageKey {
  const { teamAssigned, statuses, roles, vendor, vendorRole } = args.filter ?? {};
  if (vendorRole !== null && vendorRole !== undefined && !vendor)
    throw badInput("filter.vendorRole needs filter.vendor", { argument: "filter.vendorRole" });
  return {
    parent,
    parentId,
    filter: { teamAssigned, statuses, roles, vendor, vendorRole },
    ...pageRequest(args.first, args.after, args.offset),
  };
}
