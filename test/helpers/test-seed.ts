import { resolveSeedOptions } from "../../src/seed/options.js";

/** The data set most store tests use: 3 organizations over all vendors, history ending 2025-03-05. */
export const TEST_SEED = resolveSeedOptions("tiny", { endDate: "2025-03-05", organizations: 3 });
