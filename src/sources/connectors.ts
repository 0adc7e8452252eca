import type { Vendor } from "../db/generated/enums.js";
import type { SourceCredentials } from "./credentials.js";
import { rocketChatConnector } from "./rocketchat/sync.js";
import type { Connector } from "./sync.types.js";
import { tabnineConnector } from "./tabnine/sync.js";
import { teamwireConnector } from "./teamwire/sync.js";

/** The pull connector of each vendor. */
export const CONNECTORS: Readonly<Record<Vendor, Connector>> = {
  TEAMWIRE: teamwireConnector,
  ROCKETCHAT: rocketChatConnector,
  TABNINE: tabnineConnector,
};

/** Why `credentials` cannot call `vendor`, or undefined when they can. */
export function credentialsProblem(vendor: Vendor, credentials: SourceCredentials): string | undefined {
  return CONNECTORS[vendor].credentialsProblem(credentials);
}
