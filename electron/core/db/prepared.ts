import type { Db } from './open';

/**
 * A statement built and prepared once per connection (drizzle's `.prepare()` with
 * `sql.placeholder`), for the queries on hot paths such as responses.save. Other queries are
 * built per call: simpler to read, and cheap next to the commit they are part of.
 */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const byConnection = new WeakMap<Db, T>();
  return (db) => {
    let statement = byConnection.get(db);
    if (statement === undefined) {
      statement = build(db);
      byConnection.set(db, statement);
    }
    return statement;
  };
}
