// The driver adapter the schema engine reads PostgreSQL through: Prisma's pg
// adapter, plus the one column type the engine needs and the adapter lacks.
//
// The engine reads catalog columns of PostgreSQL's one-byte "char" type
// (pg_constraint.contype, confdeltype, confupdtype) and expects them as
// characters; @prisma/adapter-pg 7.10 has no column type for "char" and
// refuses every such query. node-postgres already reads the value as a
// string, so each connection reports those columns as text under a marked
// name, and the adapter's results call the marked columns characters again.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_MARK = "\u0000char:";

/** An adapter factory over `pool`, which must not have handed out a connection yet. */
export function schemaEngineAdapter(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  pool.on("connect", markCharColumns);
  const factory = new PrismaPg(pool);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => restoreCharColumns(await factory.connect()),
    connectToShadowDb: async () => restoreCharColumns(await factory.connectToShadowDb()),
  };
}

function markCharColumns(client: pg.PoolClient): void {
  client.connection.prependListener("rowDescription", (message: { fields: { name: string; dataTypeID: number }[] }) => {
    for (const field of message.fields) {
      if (field.dataTypeID !== CHAR_OID) continue;
      field.dataTypeID = TEXT_OID;
      field.name = `${CHAR_MARK}${field.name}`;
    }
  });
}

function restoreCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => unmark(await adapter.queryRaw(query)),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

function unmark(result: SqlResultSet): SqlResultSet {
  const marked = result.columnNames.map((name) => name.startsWith(CHAR_MARK));
  if (!marked.includes(true)) return result;
  return {
    ...result,
    columnNames: result.columnNames.map((name, i) => (marked[i] ? name.slice(CHAR_MARK.length) : name)),
    columnTypes: result.columnTypes.map((type, i) => (marked[i] ? ColumnTypeEnum.Character : type)),
  };
}
