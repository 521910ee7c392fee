package io.meshwork.cli;

import static io.meshwork.cli.SandboxCase.allowed;
import static io.meshwork.cli.SandboxCase.refused;
import static io.meshwork.cli.SandboxCase.refusedByTokenizer;

import java.util.List;
import java.util.stream.Stream;

/** The table of the SQL sandbox kit: every class of SQL that must not run, and controls that must. */
final class SandboxCases {

  static final String NOT_A_QUERY = "Only one query is allowed (SELECT, WITH, VALUES or FROM): DuckDB reads a "
      + "statement here that is not a query.";
  static final String SECOND_STATEMENT = "Only one statement is allowed: remove the ';' and what follows.";

  private SandboxCases() {
  }

  static String tableFunction(String name) {
    return "It reads from the table function '" + name + "'; a query may read only tables by name (and generate "
        + "rows with range, generate_series or unnest).";
  }

  static String statement(String keyword) {
    return "Only a query is allowed here (SELECT, WITH or FROM), not '" + keyword + "'.";
  }

  static String systemCatalog(String name) {
    return "It reads DuckDB's system catalog ('" + name + "'); a query may read only the tables it is given.";
  }

  static String hiddenFunction(String name) {
    return "It calls '" + name + "', which would show the host's settings or file paths; it is not available.";
  }

  /** File readers of every kind DuckDB has, by table function and by file name. */
  static Stream<SandboxCase> fileReaders() {
    return Stream.concat(Stream.of("read_csv", "read_csv_auto", "read_text", "read_blob", "read_json",
            "read_json_auto", "read_ndjson", "read_ndjson_objects", "read_json_objects", "read_parquet",
            "parquet_scan", "parquet_metadata", "parquet_schema", "parquet_kv_metadata", "parquet_file_metadata",
            "read_duckdb", "sniff_csv", "glob")
        .map(function -> refused("reader " + function, "SELECT * FROM " + function + "('/etc/passwd')",
            tableFunction(function))),
        Stream.of(
            refused("file name as table", "SELECT * FROM '/etc/passwd'",
                "It reads the file '/etc/passwd' as a table; a query may read only tables by name."),
            refused("relative file name as table", "FROM 'cost.parquet'",
                "It reads the file 'cost.parquet' as a table; a query may read only tables by name."),
            refused("remote reader", "FROM read_csv('https://example.com/x.csv')", tableFunction("read_csv")),
            refused("reader in a subquery", "SELECT (SELECT count(*) FROM read_text('/etc/hostname')) AS n",
                tableFunction("read_text")),
            refused("reader in a CTE", "WITH f AS (SELECT * FROM read_blob('/etc/hostname')) SELECT * FROM f",
                tableFunction("read_blob")),
            refused("query()", "SELECT * FROM query('SELECT 1')", tableFunction("query")),
            refused("query_table()", "SELECT * FROM query_table('cost_by_canton')", tableFunction("query_table")),
            refused("serialized SQL", "SELECT * FROM json_execute_serialized_sql('{}')",
                tableFunction("json_execute_serialized_sql"))));
  }

  /** Writers and catalog changes: COPY, EXPORT/IMPORT, ATTACH, DDL and DML. */
  static Stream<SandboxCase> writers() {
    return Stream.of(
        refused("COPY a table out", "COPY finance.cost_by_canton_v1 TO '/tmp/stolen.csv'", statement("COPY")),
        refused("COPY over a published file", "COPY (SELECT 'ZH' AS canton, 1.00 AS total_chf) TO 'data.parquet' "
            + "(FORMAT parquet, USE_TMP_FILE false)", statement("COPY")),
        refused("EXPORT DATABASE", "EXPORT DATABASE '/tmp/export'", statement("EXPORT")),
        refused("IMPORT DATABASE", "IMPORT DATABASE '/tmp/export'", statement("IMPORT")),
        refused("ATTACH", "ATTACH '/tmp/evil.db' AS evil", statement("ATTACH")),
        refused("DETACH", "DETACH memory", statement("DETACH")),
        refused("CREATE TABLE AS", "CREATE TABLE stolen AS SELECT * FROM cost_by_canton", statement("CREATE")),
        refused("view over a published name", "CREATE OR REPLACE VIEW cost_by_canton AS SELECT 'ZH' AS canton",
            statement("CREATE")),
        refused("INSERT", "INSERT INTO cost_by_canton VALUES ('XX', 1)", statement("INSERT")),
        refused("DROP", "DROP VIEW cost_by_canton", statement("DROP")),
        refused("CHECKPOINT", "CHECKPOINT", statement("CHECKPOINT")),
        refused("checkpoint()", "SELECT * FROM checkpoint()", tableFunction("checkpoint")),
        refused("force_checkpoint()", "SELECT * FROM force_checkpoint()", tableFunction("force_checkpoint")));
  }

  /** Settings and the catalog: what would show or change the host's configuration. */
  static Stream<SandboxCase> settingsAndCatalog() {
    return Stream.of(
        refused("SET", "SET enable_external_access = true", statement("SET")),
        refused("RESET", "RESET lock_configuration", statement("RESET")),
        refused("PRAGMA", "PRAGMA enable_profiling", statement("PRAGMA")),
        refused("current_setting", "SELECT current_setting('temp_directory')", hiddenFunction("current_setting")),
        refused("current_setting in WHERE", "SELECT 1 WHERE current_setting('allowed_paths') IS NOT NULL",
            hiddenFunction("current_setting")),
        refused("duckdb_settings()", "SELECT * FROM duckdb_settings()", tableFunction("duckdb_settings")),
        refused("SHOW a setting", "SHOW temp_directory",
            "It shows 'temp_directory'; settings are not readable. DESCRIBE and SUMMARIZE of a query or table are."),
        refused("duckdb_views()", "SELECT * FROM duckdb_views()", tableFunction("duckdb_views")),
        refused("duckdb_views view", "FROM duckdb_views", systemCatalog("duckdb_views")),
        refused("pg_settings", "SELECT * FROM pg_catalog.pg_settings", systemCatalog("pg_catalog.pg_settings")),
        refused("information_schema", "FROM information_schema.views", systemCatalog("information_schema.views")),
        refused("sqlite_master", "FROM sqlite_master", systemCatalog("sqlite_master")),
        refused("pg_get_viewdef", "SELECT pg_get_viewdef('cost_by_canton')", hiddenFunction("pg_get_viewdef")),
        refused("temporary files", "FROM duckdb_temporary_files()", tableFunction("duckdb_temporary_files")),
        refused("duckdb_secrets", "FROM duckdb_secrets()", tableFunction("duckdb_secrets")),
        refused("duckdb_extensions", "FROM duckdb_extensions()", tableFunction("duckdb_extensions")),
        refused("INSTALL an extension", "INSTALL httpfs", statement("INSTALL")),
        refused("LOAD an extension", "LOAD httpfs", statement("LOAD")));
  }

  /**
   * Second statements hidden in every comment and string form DuckDB knows. Where Meshwork's own tokenizer already
   * sees the ';' it answers first; where it reads the text differently from DuckDB (a carriage return ends a
   * line comment in DuckDB), DuckDB's parser refuses it.
   */
  static Stream<SandboxCase> hiddenStatements() {
    return Stream.of(
        refused("line comment ended by CR", "SELECT 1 -- c\r; COPY (SELECT 1) TO 'x.csv'; SELECT 1", NOT_A_QUERY),
        refused("line comment ended by CR LF", "SELECT 1 -- c\r\n; SET threads = 64", SECOND_STATEMENT),
        refused("line comment ended by LF", "SELECT 1 --\n; COPY (SELECT 1) TO 'x.csv'", SECOND_STATEMENT),
        refused("CR after a block comment", "SELECT 1 /* c */\r; ATTACH 'x.db' AS x", SECOND_STATEMENT),
        refusedByTokenizer("nested block comments", "SELECT 1 /* outer /* inner */ ; COPY (SELECT 1) TO 'x.csv'; */",
            SECOND_STATEMENT),
        refused("dollar-quoted string", "SELECT $$ a $$; COPY (SELECT 1) TO 'x.csv'", SECOND_STATEMENT),
        refused("tagged dollar-quoted string", "SELECT $tag$ ; $tag$; COPY (SELECT 1) TO 'x.csv'", SECOND_STATEMENT),
        refused("dollar quote inside a tagged one", "SELECT $t$ $$ ; $t$ AS s; ATTACH 'x.db' AS x",
            SECOND_STATEMENT),
        refused("unicode escape string", "SELECT U&'\\0027'; COPY (SELECT 1) TO 'x.csv'", SECOND_STATEMENT),
        refused("mixed case", "sElEcT 1; CoPy (SeLeCt 1) tO 'x.csv'", SECOND_STATEMENT),
        refused("tab and form feed", "SELECT\t1;\fCOPY (SELECT 1) TO 'x.csv'", SECOND_STATEMENT),
        refused("statement after a CTE", "WITH x AS (SELECT 1) COPY x TO 'x.csv'",
            "DuckDB cannot parse it: syntax error at or near \"COPY\"."),
        refused("VALUES then ATTACH", "VALUES (1); ATTACH 'x.db' AS x", SECOND_STATEMENT),
        refused("FROM-first then DROP", "FROM cost_by_canton; DROP VIEW cost_by_canton", SECOND_STATEMENT),
        refused("comment after the ';'", "SELECT 1; -- tail\nCOPY (SELECT 1) TO 'x.csv'", SECOND_STATEMENT),
        refused("leading comment", "/* lead */ COPY (SELECT 1) TO 'x.csv'", statement("COPY")),
        refused("parenthesized query then EXPORT", "(SELECT 1); EXPORT DATABASE 'x'", SECOND_STATEMENT));
  }

  /** Queries that must keep working: strings and identifiers holding ';', DESCRIBE, SUMMARIZE, generators. */
  static Stream<SandboxCase> controls() {
    return Stream.of(
        allowed("';' inside a string", "SELECT 'a'';COPY (SELECT 1) TO ''x.csv'';--' AS s"),
        allowed("';' inside an identifier", "SELECT \"a;b\" FROM (SELECT 1 AS \"a;b\")"),
        allowed("count", "SELECT count(*) AS n FROM cost_by_canton"),
        allowed("DESCRIBE", "DESCRIBE cost_by_canton"),
        allowed("SUMMARIZE", "SUMMARIZE SELECT canton FROM cost_by_canton"),
        allowed("range", "SELECT * FROM range(3)"),
        allowed("trailing ';'", "SELECT canton FROM finance.cost_by_canton_v1;"));
  }

  static List<SandboxCase> all() {
    return Stream.of(fileReaders(), writers(), settingsAndCatalog(), hiddenStatements(), controls())
        .flatMap(cases -> cases).toList();
  }
}
