package io.meshwork.cli;

/**
 * One case of the SQL sandbox kit: SQL text as a user or a definition would give it, the exit code {@code mesh}
 * must answer with, the reason it must give (empty for SQL that is allowed), and whether DuckDB's parser alone
 * reads it as one harmless query (text that Meshwork's stricter tokenizer refuses first).
 */
record SandboxCase(String name, String sql, int exitCode, String reason, boolean duckDbReadsOneQuery) {

  static SandboxCase refused(String name, String sql, String reason) {
    return new SandboxCase(name, sql, 2, reason, false);
  }

  /** Refused by {@code mesh query}'s tokenizer, though DuckDB reads it as one query: the rest is a comment. */
  static SandboxCase refusedByTokenizer(String name, String sql, String reason) {
    return new SandboxCase(name, sql, 2, reason, true);
  }

  static SandboxCase allowed(String name, String sql) {
    return new SandboxCase(name, sql, 0, "", true);
  }

  @Override
  public String toString() {
    return name;
  }
}
