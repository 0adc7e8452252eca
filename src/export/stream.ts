import { Zip, ZipDeflate } from "fflate";

/** Pieces of a file body: CSV text, or bytes (a ZIP archive). */
export type Body = AsyncIterable<string | Uint8Array>;

/**
 * Reads the first piece of `pieces` now and returns the whole sequence again. Exports read their
 * first page before anything is sent, so a refusal (tenancy, role, range) is still a JSON error.
 */
export async function primed<T>(pieces: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = pieces[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** What streamBody writes to: an HTTP response, or any writable stream. */
export interface Sink {
  write(chunk: string | Uint8Array): boolean;
  readonly destroyed: boolean;
  once(event: "drain" | "close", listener: () => void): unknown;
  off(event: "drain" | "close", listener: () => void): unknown;
}

/** Resolves on 'drain', or on 'close' (a client that went away never drains). */
function drained(sink: Sink): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.off("drain", done);
      sink.off("close", done);
      resolve();
    };
    sink.once("drain", done);
    sink.once("close", done);
  });
}

/**
 * Writes every piece as it is produced, waiting for 'drain' whenever the sink's buffer is full, so
 * the next page is read only once the client has taken the previous ones. Stops reading (and
 * releases the producer) when the sink is destroyed, e.g. the client disconnected. Returns whether
 * the whole body was written.
 */
export async function streamBody(sink: Sink, body: Body): Promise<boolean> {
  for await (const piece of body) {
    if (sink.destroyed) return false;
    if (!sink.write(piece)) await drained(sink);
    if (sink.destroyed) return false;
  }
  return true;
}

/** An HTTP response as sendBody uses it. */
export interface Response extends Sink {
  readonly headersSent: boolean;
  end(): unknown;
  destroy(): unknown;
}

/**
 * Streams a body into a response whose headers are set, then ends it. A failure once the first
 * byte is out cannot become an error answer: it is logged and the response destroyed, so the
 * client sees a truncated transfer, never a complete-looking file. Before that it is rethrown.
 */
export async function sendBody(
  res: Response,
  body: Body,
  log: { info(message: string): void; error(bindings: object, message: string): void },
) {
  try {
    if (await streamBody(res, body)) res.end();
    else log.info("export abandoned by the client");
  } catch (error) {
    if (!res.headersSent) throw error;
    log.error({ err: error }, "export failed while streaming");
    res.destroy();
  }
}

/** One file of an archive. */
export interface ArchiveEntry {
  readonly name: string;
  readonly body: AsyncIterable<string>;
}

/**
 * A ZIP archive (deflated, streamed: each entry's local header, data and data descriptor are
 * produced as its pieces arrive; the central directory at the end). Entries are read one after
 * the other, so only the piece being compressed is held in memory.
 */
export async function* zipArchive(entries: readonly ArchiveEntry[], modified = new Date()): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const take = function* () {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  };
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = modified;
    zip.add(file);
    for await (const piece of entry.body) {
      file.push(Buffer.from(piece, "utf8"));
      yield* take();
    }
    file.push(new Uint8Array(0), true);
    yield* take();
  }
  zip.end();
  yield* take();
}
