// The embedded store's thread: PGlite (Postgres compiled to WASM) runs here, so a long statement
// never blocks the gateway's event loop. Plain JavaScript: worker threads do not get the main
// thread's TypeScript loader. The protocol is pglite-thread.ts's; results travel by structured clone.
import { Blob } from "node:buffer";
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const db = workerData.dataDir
  ? new PGlite(workerData.dataDir)
  : new PGlite(workerData.image ? { loadDataDir: new Blob([readFileSync(workerData.image)]) } : undefined);
/** Open transactions by id: the PGlite transaction and the chain its requests run on, in order. */
const transactions = new Map();
let nextTransaction = 1;

const reply = (id, result) => parentPort.postMessage({ id, result });
// Only the plain fields of an error (PostgreSQL's code, detail, position, ...): anything else may not be cloneable.
const fail = (id, error) => {
  const fields = Object.entries(error ?? {}).filter(([, value]) => typeof value === "string" || typeof value === "number");
  parentPort.postMessage({ id, error: { ...Object.fromEntries(fields), name: error?.name, message: error?.message ?? String(error) } });
};

// Columns of these types are sent as the text Postgres returned: the caller parses them with its own parsers.
const rawParsers = new Map();
function rawFor(oids) {
  const key = oids.join(",");
  if (!rawParsers.has(key)) rawParsers.set(key, Object.fromEntries(oids.map((oid) => [oid, (text) => text])));
  return rawParsers.get(key);
}

function run(target, message) {
  const options = { ...message.options, parsers: rawFor(message.rawTypes ?? []) };
  return message.op === "exec" ? target.exec(message.sql, options) : target.query(message.sql, message.params, options);
}

function begin(id) {
  const txId = nextTransaction++;
  db.transaction(
    (tx) =>
      new Promise((finish) => {
        transactions.set(txId, { tx, chain: Promise.resolve(), finish });
        reply(id, txId);
      }),
  )
    .then(() => transactions.get(txId)?.ended?.(reply))
    .catch((error) => {
      const open = transactions.get(txId);
      if (open?.ended) open.ended((endId) => fail(endId, error));
      else fail(id, error);
    })
    .finally(() => transactions.delete(txId));
}

function inTransaction(message) {
  const open = transactions.get(message.tx);
  if (!open) return fail(message.id, new Error("the transaction has ended"));
  open.chain = open.chain.then(async () => {
    if (message.op === "end") {
      if (message.rollback && !open.tx.closed) await open.tx.rollback().catch(() => undefined);
      open.ended = (send) => send(message.id);
      open.finish();
      return;
    }
    try {
      reply(message.id, message.op === "rollback" ? await open.tx.rollback() : await run(open.tx, message));
    } catch (error) {
      fail(message.id, error);
    }
  });
}

parentPort.on("message", async (message) => {
  if (message.tx !== undefined) return inTransaction(message);
  try {
    if (message.op === "begin") return begin(message.id);
    if (message.op === "close") {
      if (!db.closed) await db.close();
      return reply(message.id, null);
    }
    reply(message.id, await run(db, message));
  } catch (error) {
    fail(message.id, error);
  }
});

db.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: { message: error?.message ?? String(error) } }),
);
