package io.meshwork.cdk;

import io.meshwork.model.definition.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.organizations.CfnAccount;
import software.constructs.Construct;

/**
 * One shard of the tenants' member accounts ({@code meshwork-organization-accounts-<nn>}), beside the
 * {@link OrganizationStack} whose unit they are created in: per tenant the account (email from the tenant's
 * definition, access role {@value OrganizationStack#ACCESS_ROLE}, retained on delete) and an output
 * {@code AccountId<tenant>} with its id.
 */
public final class TenantAccountsStack extends Stack {

  /** Prefix of every shard's id and name, followed by the two-digit shard number. */
  public static final String NAME_PREFIX = OrganizationStack.NAME + "-accounts-";
  /**
   * The most accounts a shard may hold: each adds a resource and an output, and CloudFormation allows 200 outputs
   * per stack; 150 leaves room for an uneven spread.
   */
  public static final int MOST_ACCOUNTS = 150;

  TenantAccountsStack(Construct scope, int shard, List<Tenant> tenants, String unitId, Environment environment) {
    super(scope, nameOf(shard), StackProps.builder()
        .stackName(nameOf(shard))
        .description("Meshwork tenant accounts, shard " + shard + ": one member account per tenant")
        .env(environment)
        .build());
    if (tenants.size() > MOST_ACCOUNTS) {
      throw new IllegalArgumentException("Stack " + nameOf(shard) + " would hold " + tenants.size()
          + " tenant accounts, more than " + MOST_ACCOUNTS + " (CloudFormation allows 200 outputs per stack): raise "
          + DeploymentSettings.ACCOUNT_SHARDS + " to spread the tenants over more stacks.");
    }
    for (Tenant tenant : tenants) {
      CfnAccount account = CfnAccount.Builder.create(this, "Account-" + tenant.id())
          .accountName(OrganizationStack.accountName(tenant))
          .email(tenant.account().email())
          .parentIds(List.of(unitId))
          .roleName(OrganizationStack.ACCESS_ROLE)
          .tags(List.of(OrganizationStack.tag("meshwork:tenant", tenant.id())))
          .build();
      account.getCfnOptions().setDeletionPolicy(CfnDeletionPolicy.RETAIN);
      account.getCfnOptions().setUpdateReplacePolicy(CfnDeletionPolicy.RETAIN);
      CfnOutput.Builder.create(this, "AccountId-" + tenant.id())
          .description("Account id of tenant " + tenant.id() + ": write it to the tenant's account.id")
          .value(account.getAttrAccountId())
          .build();
    }
  }

  /** The stack id and name of shard {@code shard}. */
  public static String nameOf(int shard) {
    return String.format("%s%02d", NAME_PREFIX, shard);
  }

  /**
   * The shard of tenant {@code tenantId} among {@code shards}: from a hash of the id, so it depends on nothing else
   * and a tenant stays in its stack while others are added or removed (moving an account between stacks would
   * make CloudFormation create it again).
   */
  public static int shardOf(String tenantId, int shards) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenantId.getBytes(StandardCharsets.UTF_8));
      int hash = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
          | (digest[3] & 0xff);
      return Math.floorMod(hash, shards);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java platform has SHA-256", impossible);
    }
  }
}
