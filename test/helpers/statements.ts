import type { Prisma } from "../../src/db/database.js";

/**
 * Runs `action` and counts the SQL statements Prisma sent meanwhile (query events; a
 * transaction's BEGIN/COMMIT count too). Assumes nothing else uses the client at the same time.
 */
export async function countStatements<T>(
  prisma: Prisma,
  action: () => Promise<T>,
): Promise<{ statements: number; queries: string[]; result: T }> {
  const queries: string[] = [];
  let counting = true;
  prisma.$on("query", (event) => {
    if (counting) queries.push(event.query);
  });
  try {
    const result = await action();
    return { statements: queries.length, queries, result };
  } finally {
    counting = false;
  }
}
