package io.meshwork.cdk.constructs;

import io.meshwork.model.definition.TableName;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Least-privilege grants on the tenant's Iceberg warehouse: objects under {@code warehouse/<namespace>/} of the
 * tenant's bucket, the data key through S3 only, and the Glue catalog, database and table ARNs of exactly the tables
 * named, in this stack's account and region.
 *
 * <p>Object grants are per namespace rather than per table so that a policy stays well below IAM's 10,240-character
 * limit for large plans; Glue still limits commits to the named tables.
 */
final class WarehouseAccess {

  /** Where Meshwork keeps every table's files in the data bucket. */
  static final String WAREHOUSE_PREFIX = "warehouse";

  private static final String OBJECT_PATTERN = "^Resource::<[^>]+\\.Arn>/" + WAREHOUSE_PREFIX + "/[a-z0-9_]+/\\*$";
  private static final String TABLE_PATTERN = "^Resource::<[^>]+\\.Arn>/" + WAREHOUSE_PREFIX
      + "/[a-z0-9_]+/[a-z0-9_]+/\\*$";
  private static final String METADATA_PATTERN = "^Resource::<[^>]+\\.Arn>/" + WAREHOUSE_PREFIX
      + "/[a-z0-9_]+/[a-z0-9_]+/metadata/\\*$";

  private final Stack stack;
  private final IBucket bucket;
  private final IKey key;

  WarehouseAccess(Construct scope, IBucket bucket, IKey key) {
    this.stack = Stack.of(scope);
    this.bucket = bucket;
    this.key = key;
  }

  /** The warehouse location the functions are configured with, {@code s3://<bucket>/warehouse}. */
  String location() {
    return "s3://" + bucket.getBucketName() + "/" + WAREHOUSE_PREFIX;
  }

  /** Reading {@code tables}: their files, their Glue entries, and Lake Formation's data access. */
  void grantRead(Role role, Collection<TableName> tables) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ReadWarehouseFiles")
        .actions(List.of("s3:GetObject"))
        .resources(objectArns(tables))
        .build());
    grantDataAccess(role, "ReadGlueTables", List.of("glue:GetDatabase", "glue:GetTable"), tables,
        "namespace prefix", OBJECT_PATTERN);
  }

  /**
   * What every reader and writer of table data needs besides the objects: listing the bucket, the data key through
   * S3, {@code glueActions} on the tables' Glue entries (statement {@code glueSid}), and Lake Formation's data access.
   */
  private void grantDataAccess(Role role, String glueSid, List<String> glueActions, Collection<TableName> tables,
      String granularity, String objectPattern) {
    // Without ListBucket, S3 answers 403 instead of 404 for a missing key, and Iceberg's existence checks fail.
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ListWarehouse")
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(bucket.getBucketArn()))
        .build());
    role.addToPrincipalPolicy(dataKeyThroughS3("UseDataKeyThroughS3", List.of("kms:Decrypt", "kms:GenerateDataKey")));
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid(glueSid)
        .actions(glueActions)
        .resources(glueArns(tables))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("LakeFormationDataAccess")
        .actions(List.of("lakeformation:GetDataAccess"))
        .resources(List.of("*"))
        .build());
    NagReasons.suppress(role, List.of(new NagReasons.Reason("AwsSolutions-IAM5", "Iceberg writes data and metadata"
        + " files with generated names, so object access is granted per " + granularity + " of the tenant's own"
        + " warehouse; lakeformation:GetDataAccess has no resource-level permissions (Lake Formation's own grants"
        + " decide which tables it vends access to).",
        List.of(objectPattern, "^Resource::\\*$"))));
  }

  /**
   * Reading the current metadata of {@code tables}, never their data: their Glue entries (GetTable only, which is all
   * Iceberg's Glue catalog calls to load a table) and the files under each table's {@code metadata/} prefix, with
   * the data key for decryption through S3 only.
   */
  void grantMetadataRead(Role role, Collection<TableName> tables) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ReadTableMetadataFiles")
        .actions(List.of("s3:GetObject"))
        .resources(new TreeSet<>(tables.stream().map(TableName::toString).toList()).stream()
            .map(name -> bucket.arnForObjects(WAREHOUSE_PREFIX + "/" + name.replace('.', '/') + "/metadata/*"))
            .toList())
        .build());
    role.addToPrincipalPolicy(dataKeyThroughS3("DecryptThroughS3", List.of("kms:Decrypt")));
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("GetGlueTables")
        .actions(List.of("glue:GetTable"))
        .resources(glueArns(tables))
        .build());
    NagReasons.suppress(role, List.of(new NagReasons.Reason("AwsSolutions-IAM5", "Iceberg names each metadata file"
        + " of a commit anew, so object reads are granted on the metadata prefix of each monitored table of the"
        + " tenant's own warehouse, not on its data files.", List.of(METADATA_PATTERN))));
  }

  /** Committing to {@code tables}: writing and cleaning up their files and updating their Glue entries. */
  void grantWrite(Role role, Collection<TableName> tables) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("WriteWarehouseFiles")
        .actions(List.of("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"))
        .resources(objectArns(tables))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("CommitGlueTables")
        .actions(List.of("glue:UpdateTable"))
        .resources(glueArns(tables))
        .build());
  }

  /**
   * Replacing the content of {@code tables} and nothing else in the warehouse: their own files (per table prefix,
   * not per namespace), the data key through S3, and their Glue entries.
   */
  void grantTableCommits(Role role, Collection<TableName> tables) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("CommitSourceTableFiles")
        .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"))
        .resources(new TreeSet<>(tables.stream().map(TableName::toString).toList()).stream()
            .map(name -> bucket.arnForObjects(WAREHOUSE_PREFIX + "/" + name.replace('.', '/') + "/*"))
            .toList())
        .build());
    grantDataAccess(role, "CommitSourceGlueTables", List.of("glue:GetDatabase", "glue:GetTable", "glue:UpdateTable"),
        tables, "table prefix", TABLE_PATTERN);
  }

  /**
   * {@code glueActions} on the staging database and its tables (one per product and run, named at run time, so by
   * wildcard within that database only).
   */
  void grantStaging(Role role, List<String> glueActions) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("StagingGlueTables")
        .actions(glueActions)
        .resources(List.of(
            stack.formatArn(ArnComponents.builder().service("glue").resource("catalog")
                .arnFormat(ArnFormat.NO_RESOURCE_NAME).build()),
            stack.formatArn(ArnComponents.builder().service("glue").resource("database")
                .resourceName(RuntimeNames.STAGING_DATABASE).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()),
            stack.formatArn(ArnComponents.builder().service("glue").resource("table")
                .resourceName(RuntimeNames.STAGING_DATABASE + "/*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
        .build());
    NagReasons.suppress(role, List.of(new NagReasons.Reason("AwsSolutions-IAM5", "A staging table is created per"
        + " product and run under a name known only at run time, so Glue access is granted on the tables of the"
        + " tenant's staging database " + RuntimeNames.STAGING_DATABASE + " only.",
        List.of("^Resource::arn:<AWS::Partition>:glue:[^:]+:[^:]+:table/" + RuntimeNames.STAGING_DATABASE
            + "/\\*$"))));
  }

  /**
   * Writing new files under the namespaces of {@code products}, where each product's staging table keeps its files
   * (never deleting: an engine's INSERT only adds objects).
   */
  void grantStagingWrites(Role role, Collection<TableName> products) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("WriteStagingFiles")
        .actions(List.of("s3:PutObject", "s3:AbortMultipartUpload"))
        .resources(objectArns(products))
        .build());
  }

  /** Writing and reading query results under {@code prefix} of the bucket, as Athena does for its caller. */
  void grantQueryResults(Role role, String prefix) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("QueryResults")
        .actions(List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"))
        .resources(List.of(bucket.arnForObjects(prefix + "*")))
        .build());
    NagReasons.suppress(role, List.of(new NagReasons.Reason("AwsSolutions-IAM5", "Athena names each query's result"
        + " objects itself, so they are granted under the workgroup's result prefix of the tenant's own bucket only.",
        List.of("^Resource::<[^>]+\\.Arn>/" + prefix.replace("/", "\\/") + "\\*$"))));
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("QueryResultsBucket")
        .actions(List.of("s3:GetBucketLocation"))
        .resources(List.of(bucket.getBucketArn()))
        .build());
  }

  /** Creating {@code table} and its database on first use, for tables the pipeline owns rather than the stack. */
  void grantCreate(Role role, TableName table) {
    grantCreate(role, List.of(table));
  }

  /** Creating {@code tables} (in one statement: its Sid is unique in the role's policy). */
  void grantCreate(Role role, Collection<TableName> tables) {
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("CreateOwnTable")
        .actions(List.of("glue:CreateDatabase", "glue:CreateTable"))
        .resources(glueArns(tables))
        .build());
  }

  /** {@code actions} on the data key, only in requests S3 makes for the role (objects are encrypted with it). */
  private PolicyStatement dataKeyThroughS3(String sid, List<String> actions) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .actions(actions)
        .resources(List.of(key.getKeyArn()))
        .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + stack.getRegion() + ".amazonaws.com")))
        .build();
  }

  private List<String> objectArns(Collection<TableName> tables) {
    return new TreeSet<>(tables.stream().map(TableName::namespace).toList()).stream()
        .map(namespace -> bucket.arnForObjects(WAREHOUSE_PREFIX + "/" + namespace + "/*"))
        .toList();
  }

  /** The catalog, each table's database, and each table: Glue authorises a table call on all three. */
  private List<String> glueArns(Collection<TableName> tables) {
    List<String> arns = new ArrayList<>();
    arns.add(stack.formatArn(ArnComponents.builder().service("glue").resource("catalog")
        .arnFormat(ArnFormat.NO_RESOURCE_NAME).build()));
    new TreeSet<>(tables.stream().map(TableName::namespace).toList()).forEach(namespace -> arns.add(
        stack.formatArn(ArnComponents.builder().service("glue").resource("database").resourceName(namespace)
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())));
    new TreeSet<>(tables.stream().map(TableName::toString).toList()).forEach(name -> arns.add(
        stack.formatArn(ArnComponents.builder().service("glue").resource("table")
            .resourceName(name.replace('.', '/')).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())));
    return arns;
  }
}
