import type { TeamwirePrivacyMode, Vendor } from "../db/generated/enums.js";

/** Fixed vocabularies the demo data is drawn from. */

export const ORGANIZATION_NAMES = [
  ["nordhafen", "Nordhafen Logistik"],
  ["bergwerk", "Bergwerk Analytics"],
  ["kestrel", "Kestrel Health"],
  ["lindenau", "Lindenau Versicherungen"],
  ["tidewater", "Tidewater Energy"],
  ["alpenglow", "Alpenglow Software"],
  ["meridian", "Meridian Retail"],
  ["quayside", "Quayside Media"],
  ["sternwarte", "Sternwarte Systems"],
  ["ironbridge", "Ironbridge Manufacturing"],
  ["fjordline", "Fjordline Shipping"],
  ["brightmoor", "Brightmoor Bank"],
] as const;

/** Which vendors an organization uses, by position: every third one uses all three. */
export const VENDOR_MIXES: readonly (readonly Vendor[])[] = [
  ["TEAMWIRE", "ROCKETCHAT", "TABNINE"],
  ["TEAMWIRE", "TABNINE"],
  ["ROCKETCHAT", "TABNINE"],
];

/**
 * Teamwire privacy modes of the organizations that use Teamwire, by organization index (cycled):
 * most communicate openly, some restrict it, and every mode appears among the first organizations.
 */
export const PRIVACY_MODE_SPREAD: readonly TeamwirePrivacyMode[] = [
  "INTERNAL_AND_EXTERNAL",
  "INTERNAL_ONLY",
  "ADDRESS_BOOK_ONLY",
  "GROUPS_ONLY",
  "INTERNAL_AND_EXTERNAL",
];

export const TEAM_NAMES = [
  "Backend team",
  "FE team",
  "Platform",
  "Data",
  "Mobile",
  "Support",
  "Sales",
  "Security",
  "Infrastructure",
  "Design",
  "QA",
  "Finance",
  "Operations",
  "Research",
  "Marketing",
  "Legal",
] as const;

export const FIRST_NAMES = [
  "Jana",
  "Ole",
  "Mira",
  "Lena",
  "Tom",
  "Anna",
  "Jonas",
  "Lea",
  "Felix",
  "Marie",
  "Paul",
  "Sofia",
  "Lukas",
  "Emma",
  "Noah",
  "Hanna",
  "Elias",
  "Clara",
  "Ben",
  "Ida",
  "Finn",
  "Greta",
  "Karl",
  "Nora",
  "Aylin",
  "Mehmet",
  "Priya",
  "Ravi",
  "Chen",
  "Mei",
  "João",
  "Inês",
  "Pierre",
  "Camille",
  "Sven",
  "Astrid",
] as const;

export const LAST_NAMES = [
  "Brandt",
  "Hansen",
  "Voss",
  "Krüger",
  "Richter",
  "Schulz",
  "Becker",
  "Wagner",
  "Neumann",
  "Lange",
  "Fischer",
  "Weber",
  "Meyer",
  "Hoffmann",
  "Koch",
  "Wolf",
  "Yilmaz",
  "Sharma",
  "Wang",
  "Silva",
  "Dubois",
  "Lindqvist",
  "Berg",
  "Nielsen",
  "Kowalski",
  "Novak",
  "Rossi",
  "Garcia",
  "Okafor",
  "Tanaka",
] as const;

export const LOCALES = [
  ["de", 55],
  ["en", 30],
  ["fr", 5],
  ["pt-br", 3],
  [null, 7],
] as const;

interface DeviceModel {
  readonly os: string;
  readonly osVersions: readonly string[];
  readonly client: string;
  readonly clientVersions: readonly string[];
  readonly weight: number;
}

/** Client installations per vendor, with the vendor's own OS and client spelling. */
export const DEVICE_MODELS: Record<Vendor, readonly DeviceModel[]> = {
  TEAMWIRE: [
    { os: "Android", osVersions: ["13", "14", "15"], client: "Android", clientVersions: ["5.4.1", "5.3.0"], weight: 30 },
    { os: "iOS", osVersions: ["17.5", "18.2", "18.3"], client: "iOS", clientVersions: ["5.4.1", "5.3.2"], weight: 26 },
    { os: "Windows", osVersions: ["10", "11"], client: "Desktop", clientVersions: ["5.4.1", "5.3.0"], weight: 28 },
    { os: "macOS", osVersions: ["14.6", "15.1"], client: "Desktop", clientVersions: ["5.4.1", "5.3.0"], weight: 10 },
    { os: "Linux", osVersions: ["6.8"], client: "Web", clientVersions: ["5.4.0"], weight: 6 },
  ],
  // Rocket.Chat reports OS names unnormalized ("android" and "Android", "ios" and "iOS").
  ROCKETCHAT: [
    { os: "Windows", osVersions: ["10"], client: "Rocket.Chat Desktop", clientVersions: ["4.1.2", "4.0.0"], weight: 35 },
    { os: "Mac OS", osVersions: ["10.16.0", "14.5.0"], client: "Rocket.Chat Desktop", clientVersions: ["4.1.2"], weight: 14 },
    { os: "Linux", osVersions: ["x86_64"], client: "Browser", clientVersions: ["6.5.0"], weight: 12 },
    { os: "android", osVersions: ["11", "13"], client: "Rocket.Chat Mobile", clientVersions: ["4.48.0"], weight: 12 },
    { os: "Android", osVersions: ["14"], client: "Rocket.Chat Mobile", clientVersions: ["4.50.1"], weight: 8 },
    { os: "ios", osVersions: ["14.4"], client: "Rocket.Chat Mobile", clientVersions: ["4.48.0"], weight: 9 },
    { os: "iOS", osVersions: ["17.4"], client: "Rocket.Chat Mobile", clientVersions: ["4.50.1"], weight: 10 },
  ],
  TABNINE: [
    { os: "Windows", osVersions: ["11"], client: "VS Code", clientVersions: ["1.96", "1.95"], weight: 30 },
    { os: "macOS", osVersions: ["14.6", "15.1"], client: "VS Code", clientVersions: ["1.96"], weight: 25 },
    { os: "Linux", osVersions: ["6.8"], client: "IntelliJ IDEA", clientVersions: ["2024.3", "2024.2"], weight: 25 },
    { os: "macOS", osVersions: ["15.1"], client: "IntelliJ IDEA", clientVersions: ["2024.3"], weight: 10 },
    { os: "Windows", osVersions: ["11"], client: "Visual Studio", clientVersions: ["17.12"], weight: 10 },
  ],
};

/** Tabnine role strings by gateway role (docs/vendors/vendors.md §4.4). */
export const TABNINE_ROLES = {
  SUPERADMIN: "Admin",
  ADMIN: "Admin",
  TEAM_ADMIN: "TeamLead",
  MEMBER: "Member",
} as const;

/** Rocket.Chat workspace values the store cannot compute, as a connector would have stored them. */
export const ROCKETCHAT_WORKSPACE_SETTINGS = {
  version: "6.5.0",
  wizard: {
    organizationType: "enterprise",
    industry: "technologyServices",
    size: "3",
    language: "en",
    serverType: "privateTeam",
    registerServer: true,
  },
  apps: { engineVersion: "1.27.1", enabled: true, totalInstalled: 12, totalActive: 9, totalFailed: 0 },
  integrations: {
    totalIntegrations: 3,
    totalIncoming: 2,
    totalIncomingActive: 2,
    totalOutgoing: 1,
    totalOutgoingActive: 1,
    totalWithScriptEnabled: 0,
  },
  pushQueue: 0,
  instanceCount: 1,
  enterprise: { modules: ["auditing", "engagement-dashboard", "ldap-enterprise"], tags: ["enterprise", "Gold"] },
} as const;

/** The Rocket.Chat server the seeded snapshots were taken on (their `os`, `process`, `deploy`, ... parts). */
export const ROCKETCHAT_SERVER = {
  os: {
    type: "Linux",
    platform: "linux",
    arch: "x64",
    release: "5.15.0-91-generic",
    uptime: 1_209_600,
    loadavg: [0.42, 0.37, 0.31],
    totalmem: 8_335_646_720,
    freemem: 2_871_083_008,
    cpus: [0, 1].map(() => ({
      model: "Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz",
      speed: 2593,
      times: { user: 81_203_450, nice: 0, sys: 20_114_230, idle: 1_104_559_870, irq: 0 },
    })),
  },
  process: { nodeVersion: "v14.21.3", pid: 1, uptime: 1_209_540 },
  deploy: { method: "docker", platform: "selfinstall" },
  migration: { _id: "control", locked: false, version: 304 },
  instanceCount: 1,
  msEnabled: false,
  oplogEnabled: true,
  mongoVersion: "5.0.24",
  mongoStorageEngine: "wiredTiger",
} as const;
