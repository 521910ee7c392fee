package io.meshwork.model.access;

import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.RowFilter;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import io.meshwork.model.sql.RowFilterParser;
import io.meshwork.model.sql.SqlSyntaxException;
import io.meshwork.model.sql.SqlToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Compiles a tenant's plan and its products' access rules into a {@link LakeFormationPolicy}:
 *
 * <ul>
 *   <li>every Glue database (a domain of the plan) carries its domain tag, every column its classification tag;
 *   <li>per planned product and per principal holding roles its access rules name, the rules without a row filter
 *       become one SELECT on the union of the columns their classifications allow (contract order), and each rule
 *       with a row filter becomes a data cells filter {@code <table>_<role>} with its own columns, granted unless
 *       the unfiltered columns already cover it (Lake Formation unions a principal's grants on a table);
 *   <li>sources carry no access rules: only the pipeline reads them, so no principal is granted on them;
 *   <li>a principal gets DESCRIBE on the databases of the tables it may read, by their domain tag;
 *   <li>a principal whose roles no rule of the plan names gets nothing; one that is granted must have an IAM role or
 *       user ARN in the tenant's account, otherwise the problem is reported at the principal in the tenant file.
 * </ul>
 */
public final class LakeFormationCompiler {

  private static final String EXAMPLE_ACCOUNT = "111122223333";

  private LakeFormationCompiler() {
  }

  /**
   * Compiles the policy of {@code tenant}, recording what prevents a grant in {@code problems}; the policy then holds
   * what could be compiled.
   *
   * @param account the account the grants are made in (see {@link LakeFormationPolicy#of})
   */
  public static LakeFormationPolicy compile(Tenant tenant, TenantPlan plan, Optional<String> account,
      Problems problems) {
    List<Table> tables = Stream.concat(
        plan.products().stream().map(planned -> new Table(planned.tableName(), planned.product().contract())),
        plan.sources().stream().map(source -> new Table(source.tableName(), source.contract()))).toList();
    List<String> domains = tables.stream().map(table -> table.name().namespace()).distinct().sorted().toList();
    List<LakeFormationTag> tags = new ArrayList<>();
    tags.add(new LakeFormationTag(LakeFormationTag.CLASSIFICATION, Classification.LABELS));
    List<DatabaseTag> databaseTags = domains.stream().map(domain -> new DatabaseTag(domain, domain)).toList();
    if (!domains.isEmpty()) {
      tags.add(new LakeFormationTag(LakeFormationTag.DOMAIN, domains));
    }
    List<ColumnTag> columnTags = new ArrayList<>();
    for (Table table : tables) {
      for (Classification classification : Classification.values()) {
        List<String> columns = columns(table.contract(), Set.of(classification));
        if (!columns.isEmpty()) {
          columnTags.add(new ColumnTag(table.name(), classification, columns));
        }
      }
    }
    List<Member> members = members(tenant, plan, account, problems);
    Map<String, DataCellsFilter> filters = new LinkedHashMap<>();
    List<SelectGrant> selectGrants = new ArrayList<>();
    for (PlannedProduct planned : plan.products()) {
      for (AccessRule rule : planned.product().access()) {
        rule.rowFilter().flatMap(rowFilter -> filter(tenant, planned, rule, rowFilter, problems))
            .ifPresent(filter -> filters.put(filter.name(), filter));
      }
      for (Member member : members) {
        selectGrants.addAll(grants(planned, member,
            EffectiveRules.of(tenant, planned.product(), planned.tableName().table(), member.principals()),
            filters));
      }
    }
    List<DescribeGrant> describeGrants = new ArrayList<>();
    for (Member member : members) {
      List<String> readable = selectGrants.stream().filter(grant -> grant.grantee().equals(member.grantee()))
          .map(grant -> grant.table().namespace()).distinct().sorted().toList();
      if (!readable.isEmpty()) {
        describeGrants.add(new DescribeGrant(member.grantee(), readable));
      }
    }
    return new LakeFormationPolicy(tenant.id(), tags, databaseTags, columnTags, List.copyOf(filters.values()),
        selectGrants,
        describeGrants);
  }

  /**
   * The SELECT grants of {@code member} on one product: the columns of its unfiltered rules, then each filtered rule's
   * data cells filter whose columns they do not cover (a grant's filter is added to {@code filters} when needed).
   */
  private static List<SelectGrant> grants(PlannedProduct planned, Member member, List<EffectiveRules.Rule> rules,
      Map<String, DataCellsFilter> filters) {
    Contract contract = planned.product().contract();
    Set<Classification> allowed = new TreeSet<>();
    List<String> unfilteredRoles = new ArrayList<>();
    for (EffectiveRules.Rule rule : rules) {
      if (rule.rowFilter().isEmpty()) {
        allowed.addAll(rule.classifications());
        if (!unfilteredRoles.contains(rule.role())) {
          unfilteredRoles.add(rule.role());
        }
      }
    }
    List<String> columns = columns(contract, allowed);
    List<SelectGrant> grants = new ArrayList<>();
    if (!columns.isEmpty()) {
      grants.add(new SelectGrant(member.grantee(), planned.tableName(), columns, Optional.empty(), unfilteredRoles));
    }
    for (EffectiveRules.Rule rule : rules) {
      if (rule.rowFilter().isEmpty()) {
        continue;
      }
      DataCellsFilter filter = filters.computeIfAbsent(rule.filterName(), name -> new DataCellsFilter(name,
          planned.tableName(), columns(contract, rule.classifications()), rule.rowFilter().get(), rule.role()));
      boolean granted = grants.stream().anyMatch(grant -> grant.filter().equals(Optional.of(filter.name())));
      if (!columns.containsAll(filter.columns()) && !granted) {
        grants.add(new SelectGrant(member.grantee(), planned.tableName(), filter.columns(),
            Optional.of(filter.name()), List.of(rule.role())));
      }
    }
    return grants;
  }

  /**
   * The data cells filter of a rule with a row filter, or empty if its classifications allow no column. The
   * expression is checked again and written canonically: only grammar-checked text reaches Lake Formation.
   */
  private static Optional<DataCellsFilter> filter(Tenant tenant, PlannedProduct planned, AccessRule rule,
      RowFilter rowFilter, Problems problems) {
    Contract contract = planned.product().contract();
    Set<Classification> capped = new TreeSet<>();
    rule.classifications().stream().filter(classification -> tenant.delegation().allows(planned.product().name(),
        rule.role(), classification)).forEach(capped::add);
    List<String> columns = columns(contract, capped);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    String what = "the access rule for role " + rule.role() + " of " + planned.product().label();
    String canonical;
    List<SqlToken> named;
    try {
      canonical = RowFilterParser.canonical(rowFilter.expression());
      named = RowFilterParser.columns(canonical);
    } catch (SqlSyntaxException e) {
      problems.error(rowFilter.location(), "Invalid row filter in %s: %s", what, e.getMessage());
      return Optional.empty();
    }
    List<String> unknown = named.stream().map(SqlToken::name).filter(name -> contract.column(name).isEmpty())
        .toList();
    if (!unknown.isEmpty()) {
      problems.error(rowFilter.location(), "The row filter of %s names %s, not columns of its contract.", what,
          String.join(", ", unknown));
      return Optional.empty();
    }
    return Optional.of(new DataCellsFilter(DataCellsFilter.nameOf(planned.tableName(), rule.role()),
        planned.tableName(), columns, canonical, rule.role()));
  }

  /** The principals the plan grants anything, checked and merged by ARN. */
  private static List<Member> members(Tenant tenant, TenantPlan plan, Optional<String> account, Problems problems) {
    Map<String, List<Tenant.Principal>> byArn = new LinkedHashMap<>();
    boolean accountReported = false;
    for (Tenant.Principal principal : tenant.principals()) {
      Optional<String> use = firstUse(tenant, plan, principal);
      if (use.isEmpty()) {
        continue;
      }
      String what = "principal " + principal.name() + " of tenant " + tenant.id();
      String example = account.orElse(EXAMPLE_ACCOUNT);
      if (principal.arn().isEmpty()) {
        problems.error(principal.location(), "The %s %s, but has no 'arn'. Lake Formation grants to IAM principals: "
            + "add the role its members assume, e.g. 'arn: arn:aws:iam::%s:role/%s-%s'.", what, use.get(), example,
            tenant.id(), principal.name());
        continue;
      }
      String arn = principal.arn().get();
      Matcher matcher = Grantee.ARN.matcher(arn);
      if (!matcher.matches()) {
        problems.error(principal.location(), "The arn '%s' of %s is not an IAM role or user ARN, e.g. "
            + "arn:aws:iam::%s:role/%s-%s.", arn, what, example, tenant.id(), principal.name());
      } else if (matcher.group(2).equals("group")) {
        problems.error(principal.location(), "The arn '%s' of %s names an IAM group, which Lake Formation cannot "
            + "grant to. Use an IAM role (or user) that the group's members assume.", arn, what);
      } else if (account.isEmpty()) {
        if (!accountReported) {
          problems.error(tenant.account().location(), "Tenant %s has no account 'id', so the ARNs of its principals "
              + "cannot be checked to belong to its account before Lake Formation grants them its data. Add "
              + "'id: \"<12 digits>\"' under 'account' once the account exists.", tenant.id());
          accountReported = true;
        }
      } else if (!matcher.group(1).equals(account.get())) {
        problems.error(principal.location(), "The arn of %s is in account %s, but the tenant's data lives in account "
            + "%s and is never granted to another account. Use an IAM role of account %s.", what, matcher.group(1),
            account.get(), account.get());
      } else {
        byArn.computeIfAbsent(arn, key -> new ArrayList<>()).add(principal);
      }
    }
    List<Member> members = new ArrayList<>();
    byArn.forEach((arn, principals) -> {
      String name = String.join("+", principals.stream().map(Tenant.Principal::name).toList());
      members.add(new Member(new Grantee(name, arn), principals));
    });
    return members;
  }

  /**
   * Why the plan grants {@code principal} anything ("holds role 'r', which access rules of the plan use (...)" or
   * "is granted ... by the workspace"), or empty when it grants nothing.
   */
  private static Optional<String> firstUse(Tenant tenant, TenantPlan plan, Tenant.Principal principal) {
    List<String> roles = tenant.rolesOf(principal);
    for (PlannedProduct planned : plan.products()) {
      List<EffectiveRules.Rule> rules = EffectiveRules.of(tenant, planned.product(), planned.tableName().table(),
          List.of(principal));
      if (rules.isEmpty()) {
        continue;
      }
      for (AccessRule rule : planned.product().access()) {
        if (roles.contains(rule.role())) {
          return Optional.of("holds role '" + rule.role() + "', which access rules of the plan use ("
              + planned.product().label() + " at " + rule.location() + ")");
        }
      }
      return Optional.of("is granted " + planned.product().label() + " by the tenant's workspace");
    }
    return Optional.empty();
  }

  /** The contract's columns of the given classifications, in contract order. */
  private static List<String> columns(Contract contract, Set<Classification> classifications) {
    return contract.columns().stream().filter(column -> classifications.contains(column.classification()))
        .map(Column::name).toList();
  }

  /** A principal (or principals sharing an ARN) and who it stands for. */
  private record Member(Grantee grantee, List<Tenant.Principal> principals) {
  }

  private record Table(TableName name, Contract contract) {
  }
}
