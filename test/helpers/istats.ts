import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { vendorPackage } from "./vendor-packages.js";

/**
 * Rocket.Chat's own `IStats` (`@rocket.chat/core-typings` 8.8.1, dist/IStats.d.ts) as the judge of statistics
 * objects (docs/vendors/rocketchat.md "Statistics (IStats)"). Values are JSON, as a client receives them, so
 * they are judged against `JudgedStats`:
 * - every `Date` of IStats is the ISO string JSON makes of it (`_updatedAt`, `lastMessageSentAt`, `createdAt`, ...);
 * - the items of the nine session windows (`uniqueUsersOf*`, `uniqueDevicesOf*`, `uniqueOSOf*`) have no `_id`:
 *   IStats types them as `Pick<ISession, '_id'> & …`, but Rocket.Chat's own aggregations project `_id: 0`.
 * Everything else is IStats unchanged. A value is written into a TypeScript file as `const v = <json> as const`
 * and assigned to `JudgedStats`, so a missing required key, a wrong type or shape anywhere fails; keys IStats
 * does not declare are judged by {@link declaredKeys} at the top level (nested objects may carry more, as
 * Rocket.Chat's do). The file also proves that no part of `JudgedStats` fell back to `any` because an import of
 * IStats.d.ts did not resolve (it imports zod, node:os and other core-typings files; mongodb is not installed and
 * only feeds types IStats does not use).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PACKAGE = vendorPackage("@rocket.chat/core-typings", "8.8.1");

const PRELUDE = `import type { IStats } from "@rocket.chat/core-typings/IStats";

type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? readonly Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
type WindowKey = \`unique\${"Users" | "Devices" | "OS"}Of\${"Yesterday" | "LastWeek" | "LastMonth"}\`;
type Window<W> = { [K in keyof W]: K extends "data" ? (W[K] extends (infer I)[] ? Omit<I, "_id">[] : W[K]) : W[K] };
export type JudgedStats = Json<{ [K in keyof IStats]: K extends WindowKey ? Window<IStats[K]> : IStats[K] }>;

type IsAny<T> = 0 extends 1 & T ? true : false;
type HasAny<T> =
  IsAny<T> extends true
    ? true
    : T extends readonly (infer U)[]
      ? HasAny<U>
      : T extends object
        ? true extends { [K in keyof T]-?: HasAny<T[K]> }[keyof T]
          ? true
          : false
        : false;
export const judgeIsFullyTyped: HasAny<JudgedStats> = false;
`;

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: ["node"],
  typeRoots: [join(ROOT, "node_modules/@types")],
  paths: { "@rocket.chat/core-typings/*": [join(PACKAGE, "dist/*")] },
};

export interface Judgement {
  /** Compiler diagnostics of the judged file, formatted; empty when every value is an IStats. */
  readonly diagnostics: string[];
  /** The keys IStats requires (`?` not set), from the compiler. */
  readonly requiredKeys: string[];
  /** Every key IStats declares. */
  readonly declaredKeys: string[];
}

/** Type-checks each value against `JudgedStats` (see the module comment) with the TypeScript compiler. */
export function judgeIStats(values: readonly Record<string, unknown>[]): Judgement {
  const dir = mkdtempSync(join(tmpdir(), "istats-"));
  const file = join(dir, "judged.ts");
  try {
    const body = values.map(
      (value, i) => `const value${i} = ${JSON.stringify(value)} as const;\nexport const judged${i}: JudgedStats = value${i};\n`,
    );
    writeFileSync(file, PRELUDE + body.join(""));
    const program = ts.createProgram([file], OPTIONS);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where =
        diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : null;
      return `${where ? `line ${where.line + 1}: ` : ""}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    const imported = source.statements.find(ts.isImportDeclaration)!;
    const moduleSymbol = checker.getSymbolAtLocation(imported.moduleSpecifier);
    const stats = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === "IStats");
    if (!stats) throw new Error(`IStats was not found in ${PACKAGE}: ${diagnostics.join("; ")}`);
    const properties = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(stats));
    return {
      diagnostics,
      requiredKeys: properties.filter((p) => (p.flags & ts.SymbolFlags.Optional) === 0).map((p) => p.name),
      declaredKeys: properties.map((p) => p.name),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
