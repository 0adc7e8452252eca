import { ObjectType } from "type-graphql";
import { Connection } from "../shared/connection.js";
import { User } from "./user.type.js";

@ObjectType({ description: "A page of users." })
export class UserConnection extends Connection(User, "User") {}
