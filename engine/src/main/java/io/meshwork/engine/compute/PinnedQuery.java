package io.meshwork.engine.compute;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A transform as Trino runs it: every input, read by its bare name, is a common table expression over the input
 * table at its pinned snapshot ({@code FOR VERSION AS OF}), placed in front of the transform's own SQL. A transform
 * that starts with {@code WITH} (or {@code WITH RECURSIVE}) gets the pins as the first entries of its own list,
 * since Trino takes one {@code WITH} per query.
 */
public final class PinnedQuery {

  private PinnedQuery() {
  }

  /** {@code sql} with {@code inputs} pinned, reading tables of the Trino catalog {@code catalog}. */
  public static String of(String sql, Collection<TableFiles> inputs, String catalog) {
    if (inputs.isEmpty()) {
      return sql;
    }
    String pins = inputs.stream().map(input -> pin(input, catalog)).collect(Collectors.joining(",\n"));
    int start = firstToken(sql);
    if (startsWithWord(sql, start, "with")) {
      int afterWith = start + 4;
      int next = firstToken(sql, afterWith);
      if (startsWithWord(sql, next, "recursive")) {
        return sql.substring(0, next + 9) + "\n" + pins + ",\n" + sql.substring(next + 9);
      }
      return sql.substring(0, afterWith) + "\n" + pins + ",\n" + sql.substring(afterWith);
    }
    return "WITH\n" + pins + "\n" + sql;
  }

  private static String pin(TableFiles input, String catalog) {
    List<String> parts = List.of(input.table().split("\\."));
    if (parts.size() < 2) {
      throw new IllegalArgumentException("Input " + input.name() + " names no namespace: " + input.table());
    }
    String table = DuckDbSession.quote(catalog) + "." + DuckDbSession.quote(parts.get(parts.size() - 2)) + "."
        + DuckDbSession.quote(parts.get(parts.size() - 1));
    long snapshot = input.snapshotId().orElseThrow(() -> new IllegalArgumentException("Input " + input.name()
        + " has no pinned snapshot: Trino reads tables at a snapshot, not files"));
    return DuckDbSession.quote(input.name()) + " AS (SELECT * FROM " + table + " FOR VERSION AS OF " + snapshot + ")";
  }

  /** Where the first token of {@code sql} from {@code from} starts, after blanks and comments. */
  private static int firstToken(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        return i;
      }
    }
    return i;
  }

  private static int firstToken(String sql) {
    return firstToken(sql, 0);
  }

  private static boolean startsWithWord(String sql, int at, String word) {
    int end = at + word.length();
    return end <= sql.length() && sql.substring(at, end).toLowerCase(Locale.ROOT).equals(word)
        && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_');
  }
}
