import { Writable } from "node:stream";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { primed, sendBody, streamBody, zipArchive } from "./stream.js";

async function* counted(pieces: string[], reads: { count: number }) {
  for (const piece of pieces) {
    reads.count++;
    yield piece;
  }
}

/** A sink that keeps what it is given and says it is full until `release` is called. */
function slowSink(highWaterMark: number) {
  const received: string[] = [];
  const callbacks: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString());
      callbacks.push(callback);
    },
  });
  return { sink, received, release: () => callbacks.splice(0).forEach((callback) => callback()) };
}

describe("streamed export bodies", () => {
  it("primed reads the first piece at once and the rest only when asked", async () => {
    const reads = { count: 0 };
    const body = await primed(counted(["a", "b", "c"], reads));
    expect(reads.count).toBe(1);
    const all: string[] = [];
    for await (const piece of body) all.push(piece);
    expect(all).toEqual(["a", "b", "c"]);
  });

  it("primed rethrows a failure of the first page before anything is sent", async () => {
    // eslint-disable-next-line require-yield
    const failing = async function* () {
      throw new Error("refused");
    };
    await expect(primed(failing())).rejects.toThrow("refused");
  });

  it("does not read the next page while the client has not taken the previous ones", async () => {
    const reads = { count: 0 };
    const { sink, received, release } = slowSink(4);
    const done = streamBody(sink, counted(["0123456789", "page 2", "page 3"], reads));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads.count).toBe(1);
    expect(received).toEqual(["0123456789"]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await done).toBe(true);
    expect(received.join("")).toBe("0123456789page 2page 3");
  });

  it("stops reading pages when the client goes away", async () => {
    const reads = { count: 0 };
    const { sink } = slowSink(1);
    const done = streamBody(sink, counted(["a", "b", "c", "d"], reads));
    await new Promise((resolve) => setTimeout(resolve, 10));
    sink.destroy();
    expect(await done).toBe(false);
    expect(reads.count).toBe(1);
  });

  it("ends a response whose body fails after the first byte abruptly, and logs it; before it, rethrows", async () => {
    const received: string[] = [];
    const writable = new Writable({ write: (chunk: Buffer, _e, callback) => void (received.push(chunk.toString()), callback()) });
    const res = Object.defineProperty(writable, "headersSent", { get: () => received.length > 0 }) as Writable & { headersSent: boolean };
    const errors: unknown[] = [];
    const log = { info: () => undefined, error: (bindings: object) => void errors.push(bindings) };
    const failing = async function* (before: number) {
      for (let i = 0; i < before; i++) yield `row ${i}\r\n`;
      throw new Error("store went away");
    };
    await sendBody(res, failing(1), log);
    expect(received).toEqual(["row 0\r\n"]);
    expect(res.destroyed).toBe(true);
    expect(res.writableEnded).toBe(false);
    expect(errors).toHaveLength(1);
    const fresh = Object.assign(new Writable({ write: (_chunk, _e, callback) => callback() }), { headersSent: false });
    await expect(sendBody(fresh, failing(0), log)).rejects.toThrow("store went away");
  });

  it("zips entries in order, readable by a ZIP reader, without reading an entry before the previous one is written", async () => {
    const order: string[] = [];
    async function* file(name: string, pieces: string[]) {
      for (const piece of pieces) {
        order.push(`${name}:${piece.length}`);
        yield piece;
      }
    }
    const chunks: Uint8Array[] = [];
    const big = "x,y\r\n".repeat(50_000);
    for await (const chunk of zipArchive([
      { name: "a.csv", body: file("a", ["h\r\n", big]) },
      { name: "b.csv", body: file("b", ['"q ""x"""\r\n']) },
    ]))
      chunks.push(chunk);
    expect(order).toEqual(["a:3", `a:${big.length}`, "b:11"]);
    expect(chunks.length).toBeGreaterThan(2);
    const files = unzipSync(Buffer.concat(chunks));
    expect(Object.keys(files)).toEqual(["a.csv", "b.csv"]);
    expect(strFromU8(files["a.csv"]!)).toBe(`h\r\n${big}`);
    expect(strFromU8(files["b.csv"]!)).toBe('"q ""x"""\r\n');
  });
});
