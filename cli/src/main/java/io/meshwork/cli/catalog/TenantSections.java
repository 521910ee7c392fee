package io.meshwork.cli.catalog;

import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sections only a tenant's portal has, all from the tenant's own storage and definitions: the published
 * snapshot, freshness against the SLA, quality results and their history, unpublished audit branches and why, and
 * which of the tenant's principals see which columns and rows.
 */
final class TenantSections {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private TenantSections() {
  }

  static void render(StringBuilder body, SiteContext site, TenantContext tenant, ProductView view) {
    DataProduct product = view.product();
    Optional<ProductState> state = tenant.states().map(states -> states.getOrDefault(product.name(),
        ProductState.NEVER_COMPUTED));
    published(body, state);
    freshness(body, product, state, tenant.now());
    qualityResults(body, state);
    auditBranches(body, state);
    principals(body, tenant, view);
  }

  private static void noHome(StringBuilder body) {
    body.append("<p class=\"no-state\">Not known: the site was built without --home, so no table was read.</p>\n");
  }

  private static void published(StringBuilder body, Optional<ProductState> state) {
    ProductPage.section(body, "published", "Latest published snapshot");
    if (state.isEmpty()) {
      noHome(body);
    } else if (state.get().published().isEmpty()) {
      body.append("<p class=\"never-published\">Never published.</p>\n");
    } else {
      ProductState.PublishedSnapshot snapshot = state.get().published().get();
      body.append("<dl>\n");
      ProductPage.fact(body, "published-at", "Published", TIME.format(snapshot.publishedAt()));
      ProductPage.fact(body, "published-run", "Run", "<code>" + Html.escape(snapshot.runId()) + "</code>");
      ProductPage.fact(body, "published-version", "Version", Html.escape(snapshot.version()));
      ProductPage.fact(body, "published-rows", "Rows", Html.escape(snapshot.rows()));
      ProductPage.fact(body, "published-quality", "Quality", Html.escape(snapshot.quality()));
      ProductPage.fact(body, "published-snapshot", "Snapshot", "<code>" + snapshot.snapshotId() + "</code>");
      body.append("</dl>\n");
    }
    body.append("</section>\n");
  }

  private static void freshness(StringBuilder body, DataProduct product, Optional<ProductState> state, Instant now) {
    ProductPage.section(body, "freshness", "Freshness");
    Optional<Duration> sla = product.sla().freshness();
    if (state.isEmpty()) {
      noHome(body);
    } else if (state.get().published().isEmpty()) {
      body.append("<p class=\"status late\">Never published").append(sla.map(limit -> ": the SLA of "
          + ProductPage.duration(limit) + " is not met.").orElse(".")).append("</p>\n");
    } else {
      Duration age = Duration.between(state.get().published().get().publishedAt(), now);
      age = age.isNegative() ? Duration.ZERO : age;
      String ageText = age.toHours() > 0 ? age.toHours() + " h" : age.toMinutes() + " min";
      if (sla.isEmpty()) {
        body.append("<p class=\"status\">Published ").append(ageText).append(" ago; no freshness SLA.</p>\n");
      } else if (age.compareTo(sla.get()) <= 0) {
        body.append("<p class=\"status ok\">Within the SLA: published ").append(ageText).append(" ago, SLA ")
            .append(ProductPage.duration(sla.get())).append(".</p>\n");
      } else {
        body.append("<p class=\"status late\">Late: published ").append(ageText).append(" ago, SLA ")
            .append(ProductPage.duration(sla.get())).append(".</p>\n");
      }
    }
    body.append("</section>\n");
  }

  private static void qualityResults(StringBuilder body, Optional<ProductState> state) {
    ProductPage.section(body, "quality-results", "Quality results");
    if (state.isEmpty()) {
      noHome(body);
    } else if (state.get().validations().isEmpty()) {
      body.append("<p>Never validated.</p>\n");
    } else {
      ProductState.ValidationRun latest = state.get().validations().get(0);
      body.append("<p>Latest validation: run <code>").append(Html.escape(latest.runId())).append("</code>, ")
          .append(TIME.format(latest.checkedAt())).append(".</p>\n<table class=\"checks\">\n<thead><tr><th>Outcome"
              + "</th><th>Check</th><th>Failing rows</th><th>Message</th></tr></thead>\n<tbody>\n");
      for (ProductState.Check check : latest.checks()) {
        String outcome = check.passed() ? "passed" : check.blocking() ? "failed" : "warning";
        body.append("<tr class=\"").append(outcome).append("\"><td>").append(outcome).append("</td><td>")
            .append(Html.escape(check.name() + (check.columns().isEmpty() ? "" : "(" + check.columns() + ")")))
            .append("</td><td>").append(check.failingRows()).append(" of ").append(check.totalRows())
            .append("</td><td>").append(Html.escape(check.message())).append("</td></tr>\n");
      }
      body.append("</tbody>\n</table>\n<h3>History</h3>\n<table class=\"history\">\n<thead><tr><th>Checked</th>"
          + "<th>Run</th><th>Version</th><th>Passed</th><th>Warned</th><th>Failed</th></tr></thead>\n<tbody>\n");
      for (ProductState.ValidationRun run : state.get().validations()) {
        body.append("<tr><td>").append(TIME.format(run.checkedAt())).append("</td><td><code>")
            .append(Html.escape(run.runId())).append("</code></td><td>").append(Html.escape(run.version()))
            .append("</td><td>").append(run.passed()).append("</td><td>").append(run.warned()).append("</td><td>")
            .append(run.failed()).append("</td></tr>\n");
      }
      body.append("</tbody>\n</table>\n");
    }
    body.append("</section>\n");
  }

  private static void auditBranches(StringBuilder body, Optional<ProductState> state) {
    ProductPage.section(body, "audit-branches", "Unpublished audit branches");
    if (state.isEmpty()) {
      noHome(body);
    } else if (state.get().unpublished().isEmpty()) {
      body.append("<p>None: every computed snapshot was published.</p>\n");
    } else {
      body.append("<table>\n<thead><tr><th>Branch</th><th>Computed</th><th>Why not published</th></tr></thead>\n"
          + "<tbody>\n");
      for (ProductState.UnpublishedBranch branch : state.get().unpublished()) {
        body.append("<tr><td><code>").append(Html.escape(branch.branch())).append("</code></td><td>")
            .append(TIME.format(branch.committedAt())).append("</td><td>").append(Html.escape(branch.reason()))
            .append("</td></tr>\n");
      }
      body.append("</tbody>\n</table>\n");
    }
    body.append("</section>\n");
  }

  private static void principals(StringBuilder body, TenantContext tenant, ProductView view) {
    ProductPage.section(body, "principals", "Who in your organisation sees what");
    if (tenant.policy().isEmpty()) {
      body.append("<p>The access policy could not be compiled:</p>\n<ul>\n");
      tenant.policyProblems().forEach(problem -> body.append("<li>").append(Html.escape(problem)).append("</li>\n"));
      body.append("</ul>\n</section>\n");
      return;
    }
    LakeFormationPolicy policy = tenant.policy().get();
    body.append("<table>\n<thead><tr><th>Principal</th><th>Roles</th><th>Sees</th></tr></thead>\n<tbody>\n");
    for (Tenant.Principal principal : tenant.tenant().principals()) {
      List<SelectGrant> grants = policy.selectGrants().stream()
          .filter(grant -> Arrays.asList(grant.grantee().name().split("\\+")).contains(principal.name()))
          .filter(grant -> grant.table().equals(view.product().tableName())).toList();
      String sees = grants.isEmpty() ? "nothing of this product" : grants.stream()
          .map(grant -> ProductPage.grant(grant, grant.filter().flatMap(policy::filter)))
          .collect(Collectors.joining("<br>"));
      body.append("<tr><td>").append(Html.escape(principal.name())).append("</td><td>")
          .append(Html.escape(String.join(", ", principal.roles()))).append("</td><td>").append(sees)
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n</section>\n");
  }
}
