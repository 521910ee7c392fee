package io.meshwork.engine.compute;

import java.util.Set;

/**
 * SQL text that DuckDB's own parser read as exactly one query of the allowed kind, reading only tables by name and
 * no file, setting or system catalog. Only {@link SqlGuard} makes one, so holding one means the check ran.
 */
public final class GuardedQuery {

  private final String text;
  private final Set<String> tables;

  GuardedQuery(String text, Set<String> tables) {
    this.text = text;
    this.tables = Set.copyOf(tables);
  }

  /**
   * The tables the query names, lower-case, as written ({@code loss_ratio} or {@code finance.loss_ratio_v1}); names
   * of its own common table expressions may be among them.
   */
  public Set<String> tables() {
    return tables;
  }

  /** The query as checked, without a trailing ';', safe to run alone or to embed in parentheses. */
  public String text() {
    return text;
  }

  /** The query in parentheses on lines of its own, so that a trailing line comment ends before ')'. */
  public String subquery() {
    return "(\n" + text + "\n)";
  }

  @Override
  public String toString() {
    return text;
  }
}
