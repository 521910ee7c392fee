package io.meshwork.cli;

import io.meshwork.cli.DefinitionCase.Where;
import java.util.ArrayList;
import java.util.List;

/** The definition cases of the SQL sandbox kit: each SQL text in a transform, an override and a quality rule. */
final class DefinitionCases {

  private DefinitionCases() {
  }

  static List<DefinitionCase> all() {
    List<DefinitionCase> cases = new ArrayList<>();
    add(cases, "statement hidden behind a CR-ended comment",
        "SELECT * FROM {input} -- c\r; COPY (SELECT 1) TO 'x.csv'; SELECT 1",
        "products/claims_clean/transform.sql:1:1: The transform of claims_clean is not allowed: Only one "
            + "query is allowed (SELECT, WITH, VALUES or FROM): DuckDB reads a statement here that is not a query.",
        "tenants/overrides/cost_by_canton.sql:1:1: The override by tenant helvetia of cost_by_canton is not "
            + "allowed: Only one query is allowed (SELECT, WITH, VALUES or FROM): DuckDB reads a statement here "
            + "that is not a query.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of cost_by_canton is not "
            + "allowed: Only one query is allowed (SELECT, WITH, VALUES or FROM): DuckDB reads a statement here "
            + "that is not a query.");
    add(cases, "second statement",
        "SELECT * FROM {input}; COPY (SELECT 1) TO 'x.csv'",
        "products/claims_clean/transform.sql:1:21: The transform of claims_clean must be one query: Only one "
            + "statement is allowed: remove the ';' and what follows.",
        "tenants/overrides/cost_by_canton.sql:1:27: The override by tenant helvetia of cost_by_canton must "
            + "be one query: Only one statement is allowed: remove the ';' and what follows.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "must be one SELECT returning the failing rows: Only one statement is allowed: remove the ';' and "
            + "what follows.");
    add(cases, "COPY statement",
        "COPY (SELECT 1) TO 'x.csv'",
        "products/claims_clean/transform.sql:1:1: The transform of claims_clean must be one query: Only a "
            + "query is allowed here (SELECT, WITH or FROM), not 'COPY'.",
        "tenants/overrides/cost_by_canton.sql:1:1: The override by tenant helvetia of cost_by_canton must be "
            + "one query: Only a query is allowed here (SELECT, WITH or FROM), not 'COPY'.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "must be one SELECT returning the failing rows: Only a query is allowed here (SELECT, WITH or FROM), "
            + "not 'COPY'.");
    add(cases, "ATTACH statement",
        "ATTACH 'x.db' AS x",
        "products/claims_clean/transform.sql:1:1: The transform of claims_clean must be one query: Only a "
            + "query is allowed here (SELECT, WITH or FROM), not 'ATTACH'.",
        "tenants/overrides/cost_by_canton.sql:1:1: The override by tenant helvetia of cost_by_canton must be "
            + "one query: Only a query is allowed here (SELECT, WITH or FROM), not 'ATTACH'.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "must be one SELECT returning the failing rows: Only a query is allowed here (SELECT, WITH or FROM), "
            + "not 'ATTACH'.");
    add(cases, "settings read",
        "SELECT current_setting('temp_directory') AS s FROM {input}",
        "products/claims_clean/transform.sql:1:1: The transform of claims_clean is not allowed: It calls "
            + "'current_setting', which would show the host's settings or file paths; it is not available.",
        "tenants/overrides/cost_by_canton.sql:1:1: The override by tenant helvetia of cost_by_canton is not "
            + "allowed: It calls 'current_setting', which would show the host's settings or file paths; it is not "
            + "available.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of cost_by_canton is not "
            + "allowed: It calls 'current_setting', which would show the host's settings or file paths; it is not "
            + "available.");
    add(cases, "view definition read",
        "SELECT pg_get_viewdef('claims') AS s FROM {input}",
        "products/claims_clean/transform.sql:1:1: The transform of claims_clean is not allowed: It calls "
            + "'pg_get_viewdef', which would show the host's settings or file paths; it is not available.",
        "tenants/overrides/cost_by_canton.sql:1:1: The override by tenant helvetia of cost_by_canton is not "
            + "allowed: It calls 'pg_get_viewdef', which would show the host's settings or file paths; it is not "
            + "available.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of cost_by_canton is not "
            + "allowed: It calls 'pg_get_viewdef', which would show the host's settings or file paths; it is not "
            + "available.");
    add(cases, "SHOW a setting",
        "SHOW temp_directory",
        "products/claims_clean/transform.sql:1:1: The transform of claims_clean is not allowed: It shows "
            + "'temp_directory'; settings are not readable. DESCRIBE and SUMMARIZE of a query or table are.",
        "tenants/overrides/cost_by_canton.sql:1:1: The override by tenant helvetia of cost_by_canton is not "
            + "allowed: It shows 'temp_directory'; settings are not readable. DESCRIBE and SUMMARIZE of a query or "
            + "table are.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of cost_by_canton is not "
            + "allowed: It shows 'temp_directory'; settings are not readable. DESCRIBE and SUMMARIZE of a query or "
            + "table are.");
    add(cases, "file reader",
        "SELECT * FROM read_csv('/etc/passwd')",
        "products/claims_clean/transform.sql:1:15: The transform of claims_clean reads from 'read_csv'. A "
            + "transform may read only its declared inputs (and generate rows with range, generate_series or "
            + "unnest).",
        "tenants/overrides/cost_by_canton.sql:1:15: The override by tenant helvetia of cost_by_canton reads "
            + "from 'read_csv'. A transform may read only its declared inputs (and generate rows with range, "
            + "generate_series or unnest).",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "reads from 'read_csv'; it may read only the product itself and its inputs.");
    add(cases, "file name as table",
        "SELECT * FROM 'claims.parquet'",
        "products/claims_clean/transform.sql:1:15: The transform of claims_clean reads from "
            + "'claims.parquet'. A transform may read only its declared inputs (and generate rows with range, "
            + "generate_series or unnest).",
        "tenants/overrides/cost_by_canton.sql:1:15: The override by tenant helvetia of cost_by_canton reads "
            + "from 'claims.parquet'. A transform may read only its declared inputs (and generate rows with range, "
            + "generate_series or unnest).",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "reads from 'claims.parquet'; it may read only the product itself and its inputs.");
    add(cases, "system catalog",
        "SELECT * FROM information_schema.tables",
        "products/claims_clean/transform.sql:1:15: The transform of claims_clean reads "
            + "'information_schema.tables', which is not among its inputs (declared: claims). Declare it under "
            + "'inputs' or remove the reference.",
        "tenants/overrides/cost_by_canton.sql:1:15: The override by tenant helvetia of cost_by_canton reads "
            + "'information_schema.tables', which is not among its inputs (declared: claims_clean). Declare it "
            + "under 'inputs' or remove the reference.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "reads 'information_schema.tables'; it may read only the product itself and its inputs "
            + "(claims_clean, cost_by_canton).");
    add(cases, "settings table function",
        "SELECT * FROM duckdb_settings()",
        "products/claims_clean/transform.sql:1:15: The transform of claims_clean reads from "
            + "'duckdb_settings'. A transform may read only its declared inputs (and generate rows with range, "
            + "generate_series or unnest).",
        "tenants/overrides/cost_by_canton.sql:1:15: The override by tenant helvetia of cost_by_canton reads "
            + "from 'duckdb_settings'. A transform may read only its declared inputs (and generate rows with "
            + "range, generate_series or unnest).",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "reads from 'duckdb_settings'; it may read only the product itself and its inputs.");
    add(cases, "second statement in a dollar-quoted string's wake",
        "SELECT $$x$$ AS s FROM {input}; ATTACH 'x.db' AS x",
        "products/claims_clean/transform.sql:1:30: The transform of claims_clean must be one query: Only one "
            + "statement is allowed: remove the ';' and what follows.",
        "tenants/overrides/cost_by_canton.sql:1:36: The override by tenant helvetia of cost_by_canton must "
            + "be one query: Only one statement is allowed: remove the ';' and what follows.",
        "products/cost_by_canton/product.yaml:30:12: The query of the sql rule of product cost_by_canton "
            + "must be one SELECT returning the failing rows: Only one statement is allowed: remove the ';' and "
            + "what follows.");
    return cases;
  }

  private static void add(List<DefinitionCase> cases, String name, String sql, String transform, String override,
      String rule) {
    cases.add(new DefinitionCase(name, Where.TRANSFORM, sql, transform));
    cases.add(new DefinitionCase(name, Where.OVERRIDE, sql, override));
    cases.add(new DefinitionCase(name, Where.QUALITY_RULE, sql, rule));
  }
}
