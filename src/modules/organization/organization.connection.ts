import { ObjectType } from "type-graphql";
import { Connection } from "../shared/connection.js";
import { Organization } from "./organization.type.js";

@ObjectType({ description: "A page of organizations." })
export class OrganizationConnection extends Connection(Organization, "Organization") {}
