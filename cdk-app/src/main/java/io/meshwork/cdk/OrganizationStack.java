package io.meshwork.cdk;

import io.meshwork.model.definition.Tenant;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.organizations.CfnAccount;
import software.amazon.awscdk.services.organizations.CfnOrganizationalUnit;
import software.constructs.Construct;

/**
 * The tenants' AWS accounts, deployed in the organisation's management account: one organizational unit for
 * Meshwork tenants and one member account per tenant, with the email of the tenant's definition. The parent of the
 * unit (the organisation root or another unit) is a deploy-time parameter, so the template synthesizes without
 * access to the organisation.
 *
 * <p>Accounts are retained when the stack or a tenant is removed: closing an account holding health data is a
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

  public OrganizationStack(Construct scope, List<Tenant> tenants, Optional<String> managementAccount) {
    super(scope, NAME, StackProps.builder()
        .stackName(NAME)
        .description("Meshwork tenant accounts: one organizational unit and one member account per tenant")
        .env(Environment.builder().account(managementAccount.orElse(null)).region(REGION).build())
        .build());
    CfnParameter parent = CfnParameter.Builder.create(this, "ParentId")
        .type("String")
        .description("Id of the organisation root (r-...) or organizational unit (ou-...) under which the tenants'"
            + " unit is created")
        .allowedPattern(PARENT_PATTERN)
        .constraintDescription("must be a root id such as r-ab12 or an organizational unit id such as"
            + " ou-ab12-cd34ef56")
        .build();
    CfnOrganizationalUnit unit = CfnOrganizationalUnit.Builder.create(this, "TenantsUnit")
        .name("meshwork-tenants")
        .parentId(parent.getValueAsString())
        .tags(List.of(tag("meshwork:part", "tenants")))
        .build();
    unit.getCfnOptions().setDeletionPolicy(CfnDeletionPolicy.RETAIN);
    unit.getCfnOptions().setUpdateReplacePolicy(CfnDeletionPolicy.RETAIN);
    for (Tenant tenant : tenants) {
      CfnAccount account = CfnAccount.Builder.create(this, "Account-" + tenant.id())
          .accountName(accountName(tenant))
          .email(tenant.account().email())
          .parentIds(List.of(unit.getAttrId()))
          .roleName(ACCESS_ROLE)
          .tags(List.of(tag("meshwork:tenant", tenant.id())))
          .build();
      account.getCfnOptions().setDeletionPolicy(CfnDeletionPolicy.RETAIN);
      account.getCfnOptions().setUpdateReplacePolicy(CfnDeletionPolicy.RETAIN);
      CfnOutput.Builder.create(this, "AccountId-" + tenant.id())
          .description("Account id of tenant " + tenant.id() + ": write it to the tenant's account.id")
          .value(account.getAttrAccountId())
          .build();
    }
  }

  /** Organizations accepts at most 50 characters; the display name is what people recognise. */
  static String accountName(Tenant tenant) {
    String name = "Meshwork " + tenant.displayName();
    return name.length() <= 50 ? name : name.substring(0, 50).strip();
  }

  private static CfnTag tag(String key, String value) {
    return CfnTag.builder().key(key).value(value).build();
  }
}
