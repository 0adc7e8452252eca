import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockEmbeddedStore } from "./store-lock.js";

const children: ChildProcess[] = [];
const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "ug-lock-"));
  dirs.push(dir);
  return dir;
}

/** A running process: `sleep`, or a Node.js process that took the store lock of `lockDir`. */
async function child(lockDir?: string): Promise<number> {
  const proc = lockDir
    ? spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          "--input-type=module",
          "--eval",
          `const { lockEmbeddedStore } = await import(${JSON.stringify(new URL("./store-lock.ts", import.meta.url).href)});` +
            `await lockEmbeddedStore(${JSON.stringify(lockDir)}); console.log("locked"); setInterval(() => {}, 1000);`,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      )
    : spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(proc);
  if (lockDir) {
    const [chunk] = (await once(proc.stdout!, "data")) as [Buffer];
    expect(chunk.toString()).toContain("locked");
  } else await once(proc, "spawn");
  return proc.pid!;
}

afterEach(async () => {
  for (const proc of children.splice(0)) proc.kill("SIGKILL");
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("lockEmbeddedStore", () => {
  it("takes over a pid file whose pid now belongs to an unrelated live process", async () => {
    const dir = await dataDir();
    const sleeping = await child();
    // A gateway that died long ago recorded this pid with its own start time; `sleep` got the pid later.
    await writeFile(path.join(dir, "gateway.pid"), JSON.stringify({ pid: sleeping, startTime: "1" }));
    const unlock = await lockEmbeddedStore(dir);
    expect(JSON.parse(await readFile(path.join(dir, "gateway.pid"), "utf8"))).toMatchObject({ pid: process.pid });
    await unlock();
  });

  it("takes over a bare pid (an older gateway's file) held by a process that is not Node.js", async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, "gateway.pid"), String(await child()));
    await (
      await lockEmbeddedStore(dir)
    )();
  });

  it("waits for a lock file that another process has just created and not yet written, instead of taking it", async () => {
    const dir = await dataDir();
    const file = path.join(dir, "gateway.pid");
    await writeFile(file, "");
    const holder = await child();
    // The other process writes its content a moment later: its lock stands.
    const stat = await readFile(`/proc/${holder}/stat`, "utf8");
    const startTime = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    setTimeout(() => void writeFile(file, JSON.stringify({ pid: holder, startTime })), 300);
    await expect(lockEmbeddedStore(dir)).rejects.toThrow(`is in use by process ${holder}`);
  });

  it("takes an unreadable lock file over once it is no longer fresh", async () => {
    const dir = await dataDir();
    const file = path.join(dir, "gateway.pid");
    await writeFile(file, "");
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    await (
      await lockEmbeddedStore(dir)
    )();
  });

  it("is refused while a live gateway process holds the store", async () => {
    const dir = await dataDir();
    const holder = await child(dir);
    await expect(lockEmbeddedStore(dir)).rejects.toThrow(`is in use by process ${holder}`);
  });
});
