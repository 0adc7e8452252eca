import { ObjectType } from "type-graphql";
import { Connection } from "../shared/connection.js";
import { StatisticsSnapshot } from "./workspace-statistics.type.js";

@ObjectType({ description: "A page of stored statistics snapshots." })
export class StatisticsSnapshotConnection extends Connection(StatisticsSnapshot, "StatisticsSnapshot") {}
