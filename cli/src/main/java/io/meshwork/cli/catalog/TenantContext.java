package io.meshwork.cli.catalog;

import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.TenantPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a tenant's portal shows beyond the catalogue, all of it the tenant's own: its plan, its compiled
 * access policy (or why it could not be compiled), its annotations and, when a home was given, the state of its
 * product tables and the latest delivery of its sources.
 */
record TenantContext(Tenant tenant, TenantPlan plan, Optional<LakeFormationPolicy> policy, List<String> policyProblems,
    TenantAnnotations annotations, Optional<Map<String, ProductState>> states,
    Optional<Map<String, ProductState.Delivery>> deliveries, Instant now) {

  TenantContext {
    policyProblems = List.copyOf(policyProblems);
    states = states.map(Map::copyOf);
    deliveries = deliveries.map(Map::copyOf);
  }
}
