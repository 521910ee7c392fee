package io.meshwork.engine.query;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.ViewRestriction;
import io.meshwork.model.access.DataCellsFilter;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.sql.RowFilterParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The local enforcer of a compiled {@link LakeFormationPolicy}: what one principal may see of each table, as the
 * DuckDB views of its query session. Lake Formation's rules for several grants on one table are followed: a row is
 * visible when any grant's data cells filter keeps it (a grant without filter keeps every row), and a cell when a
 * grant that keeps its row includes its column; other cells of a visible row are NULL. Columns no grant includes do
 * not exist, and tables without a grant are not in the session at all.
 */
public final class PrincipalViews {

  private PrincipalViews() {
  }

  /** The grants of the principal named {@code principal} (alone or sharing its ARN with others). */
  public static List<SelectGrant> grantsOf(LakeFormationPolicy policy, String principal) {
    return policy.selectGrants().stream()
        .filter(grant -> Arrays.asList(grant.grantee().name().split("\\+")).contains(principal)).toList();
  }

  /**
   * The restriction of every table {@code principal} may read, by qualified name ({@code <domain>.<table>}).
   *
   * @param columns each table's contract columns, in order
   */
  public static Map<String, ViewRestriction> of(LakeFormationPolicy policy, String principal,
      Map<TableName, List<Column>> columns) {
    Map<TableName, List<SelectGrant>> byTable = new LinkedHashMap<>();
    grantsOf(policy, principal).forEach(grant -> byTable.computeIfAbsent(grant.table(), key -> new ArrayList<>())
        .add(grant));
    Map<String, ViewRestriction> restrictions = new LinkedHashMap<>();
    byTable.forEach((table, grants) -> restrictions.put(table.namespace() + "." + table.table(),
        restriction(policy, grants, columns.getOrDefault(table, List.of()))));
    return restrictions;
  }

  private static ViewRestriction restriction(LakeFormationPolicy policy, List<SelectGrant> grants,
      List<Column> contract) {
    List<String> selectList = new ArrayList<>();
    for (Column column : contract) {
      List<Optional<String>> keeping = grants.stream().filter(grant -> grant.columns().contains(column.name()))
          .map(grant -> condition(policy, grant)).toList();
      if (keeping.isEmpty()) {
        continue;
      }
      String name = DuckDbSession.quote(column.name());
      selectList.add(keeping.stream().anyMatch(Optional::isEmpty) ? name
          : "CASE WHEN " + any(keeping) + " THEN " + name + " END AS " + name);
    }
    List<Optional<String>> rows = grants.stream().map(grant -> condition(policy, grant)).toList();
    return new ViewRestriction(String.join(", ", selectList),
        rows.stream().anyMatch(Optional::isEmpty) ? "true" : any(rows));
  }

  /** The rows a grant keeps: its filter's canonical (grammar-checked) text, or empty for every row. */
  private static Optional<String> condition(LakeFormationPolicy policy, SelectGrant grant) {
    return grant.filter().map(name -> policy.filter(name).map(DataCellsFilter::rowFilter).orElseThrow(() ->
        new IllegalStateException("The policy grants filter " + name + ", which it does not define")))
        .map(RowFilterParser::canonical);
  }

  private static String any(List<Optional<String>> conditions) {
    return conditions.stream().map(Optional::orElseThrow).distinct().map(text -> "(" + text + ")")
        .collect(Collectors.joining(" OR "));
  }
}
