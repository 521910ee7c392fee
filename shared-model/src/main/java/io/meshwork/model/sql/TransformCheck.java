package io.meshwork.model.sql;

import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Transform;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a transform reads only the product's declared inputs, calls no table function that reads outside
 * them, and uses only declared parameters. Applies to a product's own SQL and to a tenant's override of it.
 */
public final class TransformCheck {

  private TransformCheck() {
  }

  /** Reports every problem of {@code transform}, written for {@code product}, at its position in the SQL file. */
  public static void check(DataProduct product, Transform transform, String whose, Problems problems) {
    java.util.Optional<SqlSyntaxException> notOneQuery = io.meshwork.model.sql.SingleQuery.problem(transform.sql());
    if (notOneQuery.isPresent()) {
      problems.error(at(transform, notOneQuery.get().line(), notOneQuery.get().column()), "%s of %s must be one "
          + "query: %s", whose, product.name(), notOneQuery.get().getMessage());
      return;
    }
    TransformReferences references;
    try {
      references = TransformReferences.of(transform.sql());
    } catch (SqlSyntaxException e) {
      problems.error(at(transform, e.line(), e.column()), "%s of %s cannot be read: %s", whose, product.name(),
          e.getMessage());
      return;
    }
    List<String> inputs = product.inputs().stream().map(Input::name).toList();
    for (SqlToken table : references.tables()) {
      String name = table.name().toLowerCase(Locale.ROOT);
      if (!inputs.contains(name)) {
        String declared = inputs.isEmpty() ? "it declares none" : "declared: " + String.join(", ", inputs);
        problems.error(at(transform, table), "%s of %s reads '%s', which is not among its inputs (%s). Declare it "
            + "under 'inputs' or remove the reference.%s", whose, product.name(), table.text(), declared,
            Suggestions.didYouMean(name, inputs));
      }
    }
    for (SqlToken function : references.tableFunctions()) {
      problems.error(at(transform, function), "%s of %s reads from '%s'. A transform may read only its declared "
          + "inputs (and generate rows with range, generate_series or unnest).", whose, product.name(),
          function.text());
    }
    List<String> parameters = product.parameters().stream().map(Parameter::name).toList();
    for (SqlToken parameter : references.parameters()) {
      if (!parameters.contains(parameter.text())) {
        problems.error(at(transform, parameter), "%s of %s uses parameter '${%s}', which it does not declare.%s "
            + "Declare it under 'parameters'.", whose, product.name(), parameter.text(),
            Suggestions.didYouMean(parameter.text(), parameters));
      }
    }
  }

  private static Location at(Transform transform, SqlToken token) {
    return at(transform, token.line(), token.column());
  }

  private static Location at(Transform transform, int line, int column) {
    return new Location(transform.sqlFile(), line, column);
  }
}
