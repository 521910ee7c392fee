package io.meshwork.cli;

import io.meshwork.engine.compute.DialectFeatures;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.sql.SqlTemplate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What {@code mesh validate} can tell about products that run on athena: which SQL file runs there, and which
 * DuckDB-only features DuckDB's parser finds in it (Athena's Trino runs none of them). Said, not refused: the parser
 * cannot see every difference between the dialects.
 */
final class AthenaDialect {

  private AthenaDialect() {
  }

  static void report(Catalog catalog, Planner planner, PrintWriter out) {
    boolean header = false;
    for (String tenant : catalog.tenantIds()) {
      for (PlannedProduct product : planner.plan(tenant).products()) {
        if (product.engine() != Engine.ATHENA) {
          continue;
        }
        if (!header) {
          out.println("Products on athena (Trino):");
          header = true;
        }
        out.printf("  %-16s %-26s %s%n", tenant, product.name(), describe(product));
      }
    }
  }

  static String describe(PlannedProduct product) {
    String file = product.transform().sqlFileFor(Engine.ATHENA);
    boolean own = product.transform().engineSql().containsKey(Engine.ATHENA);
    Optional<List<String>> features = DialectFeatures.duckDbOnly(SqlTemplate.render(product.sql(),
        product.parameters()));
    String dialect = own ? "its Athena SQL" : "its default SQL";
    if (features.isEmpty()) {
      return file + " (" + dialect + "; DuckDB cannot parse it, so its dialect is not checked here)";
    }
    if (features.get().isEmpty()) {
      return file + " (" + dialect + "; no DuckDB-only feature found)";
    }
    return file + " (" + dialect + ") uses DuckDB-only SQL that Athena does not run: "
        + String.join(", ", features.get()) + (own ? "" : "; ship Athena SQL under engineSql: athena");
  }
}
