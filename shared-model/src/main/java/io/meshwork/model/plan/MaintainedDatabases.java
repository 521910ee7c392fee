package io.meshwork.model.plan;

import io.meshwork.model.definition.TableName;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.Set;
import java.util.TreeSet;

/**
 * The databases (namespaces) whose tables the retention policy is applied to: those of the plan's products and
 * sources, and Meshwork's own. One rule for the maintenance itself and for the grants its function gets.
 */
public final class MaintainedDatabases {

  private MaintainedDatabases() {
  }

  public static Set<String> of(TenantPlan plan) {
    Set<String> databases = new TreeSet<>();
    plan.products().stream().map(PlannedProduct::tableName).map(TableName::namespace).forEach(databases::add);
    plan.sources().forEach(source -> databases.add(source.tableName().namespace()));
    databases.add(RuntimeNames.QUALITY_RESULTS.namespace());
    return databases;
  }
}
