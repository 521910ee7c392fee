package io.meshwork.cdk.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lakeformation.CfnDataLakeSettings;
import software.amazon.awscdk.services.lakeformation.CfnPrincipalPermissions;
import software.constructs.Construct;

/**
 * Lake Formation for one tenant account, as far as it is fixed by the stack: the data lake settings, the warehouse
 * location registration and the pipeline's own grants. The tenant's access policy (LF-Tags, their associations, data
 * cells filters, grants to the tenant's principals) is not templated: the {@link AccessReconciler} applies it, so the
 * stack does not grow with the grants and withdrawn grants are revoked; its role is made an administrator here.
 *
 * <p>Secure defaults: new databases and tables get no grant to {@code IAMAllowedPrincipals} (Lake Formation, not IAM,
 * decides who reads), the registered location is not in hybrid mode, and no external engine may filter data. The
 * administrators are the CloudFormation execution role plus {@link TenantAccessProps#administrators()}; their ARNs
 * must be in the stack's account.
 *
 * <p>The location is registered with a dedicated role rather than Lake Formation's service-linked role: its access
 * is limited to the warehouse prefix and the tenant's key, visible and reviewed in this template, and the key grant
 * does not depend on a service-linked role existing before the first deployment.
 *
 * <p>Lake Formation rejects concurrent changes to permissions ({@code ConcurrentModificationException}), so every
 * Lake Formation resource here waits for the previous one: the stack deploys them one at a time (settings, location,
 * pipeline grants) after the Glue databases and tables they name; {@link #afterChanges} makes another resource, such
 * as the reconciler's custom resource, wait for the last of them.
 */
public final class TenantAccess extends Construct {

  private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(role|user)/.+");
  private static final String PRINCIPAL_HINT = "an IAM role or user ARN of the tenant's account";

  private final TenantAccessProps props;
  private final String account;
  private final CfnDataLakeSettings settings;
  private final Role locationRole;
  private final software.amazon.awscdk.services.lakeformation.CfnResource location;
  private final String locationArn;
  private CfnResource last;

  public TenantAccess(Construct scope, String id, TenantAccessProps props) {
    super(scope, id);
    this.props = props;
    Stack stack = Stack.of(this);
    this.account = stack.getAccount();
    this.settings = CfnDataLakeSettings.Builder.create(this, "Settings")
        .admins(administrators(stack, props).stream()
            .map(arn -> CfnDataLakeSettings.DataLakePrincipalProperty.builder().dataLakePrincipalIdentifier(arn)
                .build())
            .toList())
        .createDatabaseDefaultPermissions(List.of())
        .createTableDefaultPermissions(List.of())
        .allowExternalDataFiltering(false)
        .allowFullTableExternalDataAccess(false)
        .mutationType("REPLACE")
        .build();
    last = settings;
    props.databases().values().forEach(database -> database.addResourceDependency(settings));

    this.locationArn = props.dataBucket().arnForObjects(props.warehousePrefix());
    this.locationRole = Role.Builder.create(this, "LocationRole")
        .assumedBy(new ServicePrincipal("lakeformation.amazonaws.com"))
        .description("Lake Formation reads and writes the Meshwork warehouse with this role for Athena and Glue")
        .build();
    ManagedPolicy locationAccess = ManagedPolicy.Builder.create(this, "LocationAccess")
        .description("The warehouse prefix of the data bucket and its key, nothing else")
        .roles(List.of(locationRole))
        .statements(List.of(
            PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(props.dataBucket().arnForObjects(props.warehousePrefix() + "/*")))
                .build(),
            PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(props.dataBucket().getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix",
                    List.of(props.warehousePrefix(), props.warehousePrefix() + "/*"))))
                .build(),
            PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"))
                .resources(List.of(props.encryptionKey().getKeyArn()))
                .build()))
        .build();
    NagSuppressions.addResourceSuppressions(locationAccess, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-IAM5")
        .reason("Lake Formation vends credentials for any object of the registered warehouse prefix (every table of"
            + " the tenant); the wildcard covers only that prefix of the tenant's own bucket.")
        .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::.*\\/" + props.warehousePrefix()
            .replace("/", "\\/") + "\\/\\*$/").build()))
        .build()));
    this.location = software.amazon.awscdk.services.lakeformation.CfnResource.Builder.create(this, "Warehouse")
        .resourceArn(locationArn)
        .roleArn(locationRole.getRoleArn())
        .useServiceLinkedRole(false)
        .hybridAccessEnabled(false)
        .withFederation(false)
        .build();
    location.getNode().addDependency(locationAccess);
    sequence(location);
  }

  /**
   * Makes {@code resource} wait for every Lake Formation change of this construct, added so far, so that it does not
   * change permissions at the same time.
   */
  public void afterChanges(CfnResource resource) {
    resource.addResourceDependency(last);
  }

  /**
   * Lets the pipeline role maintain every table of the tenant: DESCRIBE on each database, and SELECT, INSERT,
   * DELETE, DESCRIBE and ALTER (Iceberg commits update the Glue table) on all its tables, plus DATA_LOCATION_ACCESS
   * on the warehouse. Not DROP or ALL: the pipeline never drops or re-grants tables. The role still needs its own IAM
   * permissions for Glue, S3 and the key; Lake Formation only decides on top of them.
   */
  public void grantPipeline(IRole role) {
    String name = "Pipeline-" + Names.nodeUniqueId(role.getNode());
    grantLocation(name, role);
    for (Map.Entry<String, CfnDatabase> database : props.databases().entrySet()) {
      grant(name + "-Database-" + database.getKey(), role.getRoleArn(), List.of("DESCRIBE"),
          CfnPrincipalPermissions.ResourceProperty.builder()
              .database(CfnPrincipalPermissions.DatabaseResourceProperty.builder()
                  .catalogId(account).name(database.getKey()).build())
              .build(), database.getValue());
      grant(name + "-Tables-" + database.getKey(), role.getRoleArn(),
          List.of("SELECT", "INSERT", "DELETE", "DESCRIBE", "ALTER"),
          CfnPrincipalPermissions.ResourceProperty.builder()
              .table(CfnPrincipalPermissions.TableResourceProperty.builder()
                  .catalogId(account).databaseName(database.getKey()).tableWildcard(Map.of()).build())
              .build(), database.getValue());
    }
  }

  /**
   * Lets {@code role} replace the content of {@code tables}, each one of the props' tables, and nothing else: data
   * location access, DESCRIBE on their databases, and SELECT, INSERT, DELETE, DESCRIBE and ALTER on each table by
   * name (the Ingest function commits deliveries to the sources' tables only).
   */
  public void grantTableCommits(IRole role, Collection<TableName> tables) {
    String name = "Commits-" + Names.nodeUniqueId(role.getNode());
    grantLocation(name, role);
    Map<String, CfnTable> databases = new TreeMap<>();
    Map<TableName, CfnTable> targets = new TreeMap<>(java.util.Comparator.comparing(TableName::toString));
    for (TableName table : tables) {
      CfnTable target = table(table);
      if (target == null) {
        throw new IllegalArgumentException("table '" + table + "' is not one of this tenant's tables.");
      }
      databases.putIfAbsent(table.namespace(), target);
      targets.put(table, target);
    }
    databases.forEach((database, target) -> grant(name + "-Database-" + database, role.getRoleArn(),
        List.of("DESCRIBE"), CfnPrincipalPermissions.ResourceProperty.builder()
            .database(CfnPrincipalPermissions.DatabaseResourceProperty.builder()
                .catalogId(account).name(database).build())
            .build(), props.databases().get(database)));
    targets.forEach((table, target) -> grant(name + "-Table-" + table.namespace() + "-" + table.table(),
        role.getRoleArn(), List.of("SELECT", "INSERT", "DELETE", "DESCRIBE", "ALTER"),
        CfnPrincipalPermissions.ResourceProperty.builder()
            .table(CfnPrincipalPermissions.TableResourceProperty.builder()
                .catalogId(account).databaseName(table.namespace()).name(table.table()).build())
            .build(), target));
  }

  /**
   * Lets {@code role} look up {@code tables}, each one of the props' tables: DESCRIBE on the tables of each of their
   * databases (one grant per database, so the stack does not grow with the products), which is what Glue's GetTable
   * needs, and nothing on the data (no SELECT, no data location). Enough for reading Iceberg metadata with the role's
   * own IAM access, which names the tables, as the freshness check's does.
   */
  public void grantMetadataRead(IRole role, Collection<TableName> tables) {
    String name = "Metadata-" + Names.nodeUniqueId(role.getNode());
    Map<String, CfnTable> databases = new TreeMap<>();
    for (TableName table : tables) {
      CfnTable target = table(table);
      if (target == null) {
        throw new IllegalArgumentException("table '" + table + "' is not one of this tenant's tables.");
      }
      databases.putIfAbsent(table.namespace(), target);
    }
    databases.forEach((database, target) -> {
      CfnPrincipalPermissions grant = grant(name + "-" + database, role.getRoleArn(), List.of("DESCRIBE"),
          CfnPrincipalPermissions.ResourceProperty.builder()
              .table(CfnPrincipalPermissions.TableResourceProperty.builder()
                  .catalogId(account).databaseName(database).tableWildcard(Map.of()).build())
              .build(), target);
      tables.stream().filter(table -> table.namespace().equals(database))
          .forEach(table -> grant.addResourceDependency(table(table)));
    });
  }

  /**
   * Lets the maintenance role look up and commit to every table of {@code databases}, each one of the props'
   * databases: DESCRIBE and ALTER on their tables (one grant per database). Maintenance reads and deletes files with
   * its own IAM access and never creates, drops or reads tables through Lake Formation, so neither SELECT nor data
   * location access.
   */
  public void grantMaintenance(IRole role, Collection<String> databases) {
    String name = "Maintenance-" + Names.nodeUniqueId(role.getNode());
    for (String database : new TreeSet<>(databases)) {
      CfnDatabase target = props.databases().get(database);
      if (target == null) {
        throw new IllegalArgumentException("database '" + database + "' is not one of this tenant's databases "
            + props.databases().keySet() + ".");
      }
      grant(name + "-" + database, role.getRoleArn(), List.of("DESCRIBE", "ALTER"),
          CfnPrincipalPermissions.ResourceProperty.builder()
              .table(CfnPrincipalPermissions.TableResourceProperty.builder()
                  .catalogId(account).databaseName(database).tableWildcard(Map.of()).build())
              .build(), target);
    }
  }

  /**
   * Lets {@code role} create tables in {@code database}, one of the props' databases: the pipeline creates the
   * quality results table on its first validation.
   */
  /**
   * Lets {@code role} drop the staging tables: a run's table is removed once its files are committed or the run
   * failed. Only in the staging database, which must be one of this tenant's databases.
   */
  public void grantStagingDrops(IRole role) {
    String database = io.meshwork.model.runtime.RuntimeNames.STAGING_DATABASE;
    CfnDatabase target = props.databases().get(database);
    if (target == null) {
      throw new IllegalArgumentException("database '" + database + "' is not one of this tenant's databases "
          + props.databases().keySet() + ".");
    }
    grant("StagingDrops-" + Names.nodeUniqueId(role.getNode()), role.getRoleArn(), List.of("DROP"),
        CfnPrincipalPermissions.ResourceProperty.builder()
            .table(CfnPrincipalPermissions.TableResourceProperty.builder()
                .catalogId(account).databaseName(database).tableWildcard(Map.of()).build())
            .build(), target);
  }

  public void grantCreateTables(IRole role, String database) {
    CfnDatabase target = props.databases().get(database);
    if (target == null) {
      throw new IllegalArgumentException("database '" + database + "' is not one of this tenant's databases "
          + props.databases().keySet() + ".");
    }
    grant("CreateTables-" + Names.nodeUniqueId(role.getNode()) + "-" + database, role.getRoleArn(),
        List.of("CREATE_TABLE"), CfnPrincipalPermissions.ResourceProperty.builder()
            .database(CfnPrincipalPermissions.DatabaseResourceProperty.builder()
                .catalogId(account).name(database).build())
            .build(), target);
  }

  /**
   * Lets {@code role} keep Meshwork's own records in {@code database} (the quality results): create its tables, and
   * SELECT, INSERT, DESCRIBE and ALTER on them. The database holds no tenant data.
   */
  public void grantRecords(IRole role, String database) {
    grantCreateTables(role, database);
    grant("Records-" + Names.nodeUniqueId(role.getNode()) + "-" + database, role.getRoleArn(),
        List.of("SELECT", "INSERT", "DESCRIBE", "ALTER"), CfnPrincipalPermissions.ResourceProperty.builder()
            .table(CfnPrincipalPermissions.TableResourceProperty.builder()
                .catalogId(account).databaseName(database).tableWildcard(Map.of()).build())
            .build(), props.databases().get(database));
  }

  private void grantLocation(String name, IRole role) {
    grant(name + "-Location", role.getRoleArn(), List.of("DATA_LOCATION_ACCESS"),
        CfnPrincipalPermissions.ResourceProperty.builder()
            .dataLocation(CfnPrincipalPermissions.DataLocationResourceProperty.builder()
                .catalogId(account).resourceArn(locationArn).build())
            .build(), location);
  }

  /** The data lake settings, on which every Glue database of the props waits. */
  public CfnDataLakeSettings settings() {
    return settings;
  }

  /** The role Lake Formation uses to read and write the registered warehouse location. */
  public Role locationRole() {
    return locationRole;
  }

  /** The registered location, {@code arn:aws:s3:::<bucket>/<warehousePrefix>}. */
  public String locationArn() {
    return locationArn;
  }

  private CfnPrincipalPermissions grant(String id, String principalArn, List<String> permissions,
      CfnPrincipalPermissions.ResourceProperty resource, CfnResource target) {
    CfnPrincipalPermissions permission = CfnPrincipalPermissions.Builder.create(this, id)
        .catalog(account)
        .principal(CfnPrincipalPermissions.DataLakePrincipalProperty.builder()
            .dataLakePrincipalIdentifier(principalArn).build())
        .resource(resource)
        .permissions(permissions)
        .permissionsWithGrantOption(List.of())
        .build();
    permission.addResourceDependency(target);
    sequence(permission);
    return permission;
  }

  private void sequence(CfnResource resource) {
    if (last != null && last != resource) {
      resource.addResourceDependency(last);
    }
    last = resource;
  }

  private CfnTable table(TableName name) {
    return props.tables().get(name);
  }

  /** The CloudFormation execution role, when the synthesizer has one, and the administrators of the props. */
  private static List<String> administrators(Stack stack, TenantAccessProps props) {
    List<String> configured = props.administrators();
    List<String> administrators = new ArrayList<>();
    if (stack.getSynthesizer() instanceof DefaultStackSynthesizer synthesizer) {
      // The synthesizer writes ${AWS::Partition}-style placeholders for the CLI; in a template they need Fn::Sub.
      String executionRole = synthesizer.getCloudFormationExecutionRoleArn();
      administrators.add(executionRole.contains("${") ? Fn.sub(executionRole) : executionRole);
    }
    for (String arn : configured) {
      Matcher matcher = PRINCIPAL_ARN.matcher(arn);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("administrators: '" + arn + "' is not " + PRINCIPAL_HINT + ".");
      }
      if (!Token.isUnresolved(stack.getAccount()) && !matcher.group(1).equals(stack.getAccount())) {
        throw new IllegalArgumentException("administrators: '" + arn + "' is in account " + matcher.group(1)
            + ", not in the stack's account " + stack.getAccount() + ": use " + PRINCIPAL_HINT + ".");
      }
      administrators.add(arn);
    }
    if (administrators.isEmpty()) {
      throw new IllegalArgumentException("administrators: the stack's synthesizer has no CloudFormation execution "
          + "role, so name the data lake administrators (" + PRINCIPAL_HINT + ").");
    }
    props.reconciler().ifPresent(role -> administrators.add(role.getRoleArn()));
    return administrators;
  }
}
