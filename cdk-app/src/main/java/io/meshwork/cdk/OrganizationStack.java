package io.meshwork.cdk;

import io.meshwork.model.definition.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.organizations.CfnOrganizationalUnit;
import software.constructs.Construct;

/**
 * The tenants' AWS accounts, deployed in the organisation's management account: this stack holds the organizational
 * unit for Meshwork tenants, and sibling {@link TenantAccountsStack}s hold one member account per tenant, at most
 * {@value TenantAccountsStack#MOST_ACCOUNTS} accounts each, so that every stack stays inside CloudFormation's limits
 * (500 resources and 200 outputs per stack) at 1,000 tenants and beyond. The parent of the unit (the organisation
 * root or another unit) is a deploy-time parameter, so the template synthesizes without access to the organisation.
 *
 * <p>Accounts are retained when a stack or a tenant is removed: closing an account holding health data is a
 * deliberate, manual act, never a side effect of a deployment.
 */
public final class OrganizationStack extends Stack {

  /** The stack id and name. */
  public static final String NAME = "meshwork-organization";

  /** AWS Organizations is a global service whose CloudFormation resources are managed from this region. */
  static final String REGION = "us-east-1";

  /** The role Organizations creates in each new account, which the management account assumes to bootstrap it. */
  public static final String ACCESS_ROLE = "OrganizationAccountAccessRole";

  private static final String PARENT_PATTERN = "^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$";

  private final CfnOrganizationalUnit unit;
  private final List<TenantAccountsStack> accounts = new ArrayList<>();

  /**
   * @param shards how many {@link TenantAccountsStack}s the tenants are spread over (by a hash of their id, so a
   *     tenant keeps its stack as others come and go); only shards holding a tenant are created
   */
  public OrganizationStack(Construct scope, List<Tenant> tenants, Optional<String> managementAccount, int shards) {
    super(scope, NAME, StackProps.builder()
        .stackName(NAME)
        .description("Meshwork tenant accounts: the organizational unit of the tenants' member accounts")
        .env(environment(managementAccount))
        .build());
    CfnParameter parent = CfnParameter.Builder.create(this, "ParentId")
        .type("String")
        .description("Id of the organisation root (r-...) or organizational unit (ou-...) under which the tenants'"
            + " unit is created")
        .allowedPattern(PARENT_PATTERN)
        .constraintDescription("must be a root id such as r-ab12 or an organizational unit id such as"
            + " ou-ab12-cd34ef56")
        .build();
    this.unit = CfnOrganizationalUnit.Builder.create(this, "TenantsUnit")
        .name("meshwork-tenants")
        .parentId(parent.getValueAsString())
        .tags(List.of(tag("meshwork:part", "tenants")))
        .build();
    unit.getCfnOptions().setDeletionPolicy(CfnDeletionPolicy.RETAIN);
    unit.getCfnOptions().setUpdateReplacePolicy(CfnDeletionPolicy.RETAIN);
    List<List<Tenant>> byShard = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      byShard.add(new ArrayList<>());
    }
    tenants.forEach(tenant -> byShard.get(TenantAccountsStack.shardOf(tenant.id(), shards)).add(tenant));
    for (int shard = 0; shard < shards; shard++) {
      if (!byShard.get(shard).isEmpty()) {
        // The unit's id is a cross-stack reference: CDK exports it here and deploys this stack first.
        accounts.add(new TenantAccountsStack(scope, shard, byShard.get(shard), unit.getAttrId(),
            environment(managementAccount)));
      }
    }
  }

  /** The stacks holding the tenants' accounts, by shard number. */
  public List<TenantAccountsStack> accounts() {
    return List.copyOf(accounts);
  }

  /** Organizations accepts at most 50 characters; the display name is what people recognise. */
  static String accountName(Tenant tenant) {
    String name = "Meshwork " + tenant.displayName();
    return name.length() <= 50 ? name : name.substring(0, 50).strip();
  }

  static CfnTag tag(String key, String value) {
    return CfnTag.builder().key(key).value(value).build();
  }

  private static Environment environment(Optional<String> managementAccount) {
    return Environment.builder().account(managementAccount.orElse(null)).region(REGION).build();
  }
}
