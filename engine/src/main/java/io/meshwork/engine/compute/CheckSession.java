package io.meshwork.engine.compute;

import java.sql.SQLException;
import java.util.List;

/** Read-only queries over a set of tables, as quality checks run them. */
public interface CheckSession extends AutoCloseable {

  /** Checks that {@code sql}, from a definition, is one query this session may run. */
  GuardedQuery guard(String sql) throws UnsafeSqlException;

  /** Rows of a query Meshwork itself wrote (checked queries are embedded as {@link GuardedQuery#subquery()}). */
  List<List<Object>> rows(String sql) throws SQLException;

  /** The single number a counting query returns. */
  long count(String sql) throws SQLException;

  @Override
  void close();
}
