import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A vendor's own npm package, unpacked for tests to judge the adapters with (Rocket.Chat's
 * `@rocket.chat/core-typings` and `@rocket.chat/rest-typings`). These cannot be plain dev dependencies:
 * core-typings declares a Yarn `patch:` dependency that npm refuses. `npm pack` fetches the tarball
 * alone from the registry; it is unpacked once into node_modules/.cache and reused.
 *
 * Returns the unpacked package folder (the one holding its package.json).
 */
const CACHE = resolve(dirname(fileURLToPath(import.meta.url)), "../../node_modules/.cache/vendor-packages");

export function vendorPackage(name: string, version: string): string {
  const folder = join(CACHE, `${name.replace(/^@/, "").replace("/", "-")}-${version}`);
  const unpacked = join(folder, "package");
  if (existsSync(join(unpacked, "package.json"))) return unpacked;
  const staging = `${folder}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const tarball = execFileSync("npm", ["pack", `${name}@${version}`, "--silent", "--pack-destination", staging], {
    encoding: "utf8",
  }).trim();
  execFileSync("tar", ["xzf", join(staging, tarball.split("\n").at(-1)!), "-C", staging]);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(dirname(folder), { recursive: true });
  renameSync(staging, folder);
  return unpacked;
}
