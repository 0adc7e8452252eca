import { GraphQLJSONObject } from "graphql-scalars";
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "Accounts by chat presence." })
export class PresenceCounts {
  @Field(() => Int, { description: "Online." }) online!: number;
  @Field(() => Int, { description: "Away." }) away!: number;
  @Field(() => Int, { description: "Busy." }) busy!: number;
  @Field(() => Int, { description: "Offline." }) offline!: number;
  @Field(() => Int, { description: "Online, away or busy." }) connected!: number;
}

@ObjectType({ simpleResolvers: true, description: "Messages sent, by room type." })
export class MessageTotals {
  @Field(() => Int, { description: "All messages." }) total!: number;
  @Field(() => Int, { description: "In public channels." }) channel!: number;
  @Field(() => Int, { description: "In private groups." }) privateGroup!: number;
  @Field(() => Int, { description: "In direct messages." }) direct!: number;
  @Field(() => Int, { description: "In livechat rooms." }) livechat!: number;
}

@ObjectType({ simpleResolvers: true, description: "Users per preferred language." })
export class LanguageCount {
  @Field(() => String, { description: "Language code; `none` when not set." }) locale!: string;
  @Field(() => Int, { description: "Users." }) total!: number;
}

@ObjectType({ simpleResolvers: true, description: "Live totals of an organization, computed from the store." })
export class WorkspaceStatistics {
  @Field(() => Int, { description: "All accounts (of the vendor, when one is selected)." }) totalUsers!: number;
  @Field(() => Int, { description: "Enabled accounts (REGISTERED): not a measure of activity." }) activeAccounts!: number;
  @Field(() => Int, { description: "Invited accounts that never signed up (PENDING)." }) pendingUsers!: number;
  @Field(() => Int, { description: "Deactivated accounts." }) deactivatedUsers!: number;
  @Field(() => Int, { description: "Enabled guest accounts." }) guests!: number;
  @Field(() => Int, { description: "App (bot) accounts." }) appUsers!: number;
  @Field(() => Int, { description: "Enabled accounts that used a client at least once (Teamwire `users_count`)." }) clientUsers!: number;
  @Field(() => Int, { description: "Accounts that never used a client (Teamwire `pending_users_count`)." }) neverActiveUsers!: number;
  @Field(() => Int, { description: "Accounts with the ADMIN or SUPERADMIN role." }) adminsCount!: number;
  @Field(() => Int, { description: "Teams (organizational units)." }) teamsCount!: number;
  @Field(() => Int, {
    description: "Teamwire chat groups (`groups_count`), as reported by the organization's Teamwire source; 0 without one.",
  })
  groupsCount!: number;
  @Field(() => Int, { description: "Email domains." }) domainsCount!: number;
  @Field(() => Int, { description: "Licensed seats (largest license of the selected vendors)." }) licenseSeats!: number;
  @Field(() => Int, { description: "Registered, not wiped devices." }) devices!: number;
  @Field(() => PresenceCounts, { description: "Enabled accounts by presence." }) presence!: PresenceCounts;
  @Field(() => [LanguageCount], { description: "Accounts by preferred language, most first." }) userLanguages!: LanguageCount[];
  @Field(() => MessageTotals, { description: "Messages ever sent, by room type." }) messages!: MessageTotals;
  @Field(() => Int, { description: "AI code completions ever accepted (Tabnine)." }) aiCompletions!: number;
  @Field(() => Int, { description: "AI chat interactions ever made (Tabnine)." }) aiChatInteractions!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "Last activity of any user." }) lastActiveAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "Last message sent." }) lastMessageSentAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the latest stored workspace snapshot was taken." })
  snapshotAt!: Date | null;
}

@ObjectType({ description: "A stored workspace statistics snapshot (Rocket.Chat `statistics` object)." })
export class StatisticsSnapshot {
  @Field(() => ID, { description: "Snapshot id (Rocket.Chat `_id`)." }) id!: string;
  @Field(() => GraphQLISODateTime, { description: "When it was taken (`createdAt`)." }) takenAt!: Date;
  @Field(() => Int, { description: "`totalUsers` at that time." }) totalUsers!: number;
  @Field(() => Int, { description: "`activeUsers` (enabled accounts) at that time." }) activeUsers!: number;
  @Field(() => Int, { description: "`onlineUsers` at that time." }) onlineUsers!: number;
  @Field(() => Int, { description: "`totalRooms` at that time." }) totalRooms!: number;
  @Field(() => Int, { description: "`totalMessages` at that time." }) totalMessages!: number;
  @Field(() => GraphQLJSONObject, { description: "The whole statistics object, in the vendor's key order." }) payload!: Record<
    string,
    unknown
  >;
}
