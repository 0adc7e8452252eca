import { ObjectType } from "type-graphql";
import { Connection } from "../shared/connection.js";
import { Team } from "./team.type.js";

@ObjectType({ description: "A page of teams." })
export class TeamConnection extends Connection(Team, "Team") {}
