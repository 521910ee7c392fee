package io.meshwork.localstack.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.functions.access.LakeFormationGrant;
import io.meshwork.localstack.emulators.EmulatorAccount;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.lambda.JavaRuntimeBootstrap;
import io.meshwork.localstack.mesh.MeshRun;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import io.meshwork.model.runtime.RuntimeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code mesh workspace apply} end to end: the CLI (in this JVM, through its own command line) checks alpina's
 * workspace against the published catalogue and invokes {@code meshwork-alpina-access:live} through MiniStack's
 * Lambda API; MiniStack runs the real {@code AccessFunction} from the shaded functions jar as a
 * {@code provided.al2023} function ({@link JavaRuntimeBootstrap}); the function reconciles Lake Formation in moto
 * (its ledger in moto's S3 as well, by the SDK's service endpoint variables), and its answer is what {@code mesh}
 * prints.
 *
 * <p>The published catalogue here (the function's {@code MESHWORK_DEFINITIONS} and the CLI's {@code --definitions}) is
 * the shipped one with two changes, both for moto: its four row filters are left out, as moto has no data cells
 * filters ({@code CreateDataCellsFilter} answers 404), so a workspace grant with a row filter is the case the
 * function fails on; and alpina's account is moto's default account {@value #CATALOG_ID}, as the function's requests
 * carry no account header (MiniStack gives it its own account's key, unknown to moto).
 */
@EmulatorTest
class WorkspaceApplyOnAwsTest {

  private static final String TENANT = "alpina";
  private static final String CATALOG_ID = "123456789012";
  private static final String FUNCTION = RuntimeNames.accessFunction(TENANT);
  private static final String SHIPPED_ACCOUNT = "444455556666";
  private static final String ADMIN = "arn:aws:iam::" + CATALOG_ID + ":role/meshwork-lake-admin";
  private static final String BOARD_OFFICE = "arn:aws:iam::" + CATALOG_ID + ":role/alpina-board-office";

  @TempDir
  Path work;
  private Path catalogue;
  private EmulatorEndpoints endpoints;
  private EmulatorAccount account;
  private LambdaClient lambda;
  private LakeFormationClient lakeFormation;
  private GlueClient glue;
  private S3Client s3;
  private MotoDataCatalog dataCatalog;
  private String ledgerBucket;

  @BeforeEach
  void deployAlpinasAccessFunction(EmulatorEndpoints endpoints) throws IOException {
    this.endpoints = endpoints;
    catalogue = forMoto(ShippedTenant.CATALOG_DIRECTORY, work.resolve("published-catalogue"), CATALOG_ID);
    lakeFormation = endpoints.lakeFormation(LakeFormationClient.builder()).build();
    glue = endpoints.lakeFormation(GlueClient.builder()).build();
    s3 = endpoints.lakeFormation(S3Client.builder()).forcePathStyle(true).build();
    ledgerBucket = "meshwork-alpina-ledger-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(request -> request.bucket(ledgerBucket));
    dataCatalog = new MotoDataCatalog(glue, lakeFormation, CATALOG_ID, tables(catalogue));
    dataCatalog.create(ADMIN);

    account = EmulatorAccount.fresh(endpoints);
    lambda = account.client(LambdaClient.builder()).build();
    JavaRuntimeBootstrap bootstrap = JavaRuntimeBootstrap.prepare(Path.of(Optional.ofNullable(
        System.getenv("MESHWORK_FUNCTIONS_JAR")).orElse("../functions/target/meshwork-functions-lambda.jar")),
        Path.of(System.getProperty("meshwork.emulators.directory", "target/emulators"), "lambda"));
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(RuntimeNames.TENANT_VARIABLE, TENANT);
    environment.put(RuntimeNames.CATALOG_ID_VARIABLE, CATALOG_ID);
    environment.put(RuntimeNames.ACCESS_LEDGER_VARIABLE, "s3://" + ledgerBucket + "/meshwork/access-ledger.json");
    environment.put(RuntimeNames.DEFINITIONS_VARIABLE, catalogue.toAbsolutePath().toString());
    environment.put(RuntimeNames.S3_PATH_STYLE_VARIABLE, "true");
    environment.put("AWS_ENDPOINT_URL", endpoints.aws().toString());
    environment.put("AWS_ENDPOINT_URL_LAKEFORMATION", endpoints.lakeFormation().toString());
    environment.put("AWS_ENDPOINT_URL_S3", endpoints.lakeFormation().toString());
    lambda.createFunction(request -> request.functionName(FUNCTION)
        .runtime(Runtime.fromValue(JavaRuntimeBootstrap.RUNTIME))
        .handler("io.meshwork.functions.AccessFunction::handleRequest")
        .role("arn:aws:iam::" + account.id() + ":role/meshwork-alpina-access")
        .memorySize(1024).timeout(120)
        .environment(variables -> variables.variables(environment))
        // MiniStack sends the Runtime API's trace header only with active tracing; the client needs it.
        .tracingConfig(tracing -> tracing.mode(TracingMode.ACTIVE))
        .code(zip -> zip.zipFile(SdkBytes.fromByteArray(bootstrap.zip()))));
    String version = lambda.publishVersion(request -> request.functionName(FUNCTION)).version();
    lambda.createAlias(request -> request.functionName(FUNCTION).name(RuntimeNames.LIVE_ALIAS)
        .functionVersion(version));
  }

  @AfterEach
  void removeEverything() {
    try {
      lambda.deleteFunction(request -> request.functionName(FUNCTION));
      dataCatalog.remove();
      s3.listObjectsV2(request -> request.bucket(ledgerBucket)).contents().forEach(object -> s3.deleteObject(
          request -> request.bucket(ledgerBucket).key(object.key())));
      s3.deleteBucket(request -> request.bucket(ledgerBucket));
    } finally {
      lambda.close();
      lakeFormation.close();
      glue.close();
      s3.close();
    }
  }

  @Test
  void aTenantAdminsGrant_isAppliedThroughTheAccessFunction_andReported_andApplyingAgainChangesNothing() throws IOException {
    Path workspace = workspace(BOARD_OFFICE, """
        grants:
          - to: board-office
            product: loss_ratio
            role: controller
            classifications: [public, internal]
        """);

    MeshRun apply = apply(workspace, catalogue);

    assertThat(apply.exitCode()).as(apply.printed()).isZero();
    assertThat(apply.out()).startsWith("Workspace " + workspace + " of tenant alpina is within the ceiling: 1 files, ")
        .contains("\nApplied through meshwork-alpina-access:live: 2 tags created, 0 tag values added, 7 databases "
            + "tagged, 120 columns tagged, 0 filters created, 0 filters updated, 0 filters deleted, 0 grants revoked, "
            + "33 grants added\n")
        .contains("\n  granted  " + BOARD_OFFICE + " SELECT table finance.loss_ratio_v1 [");
    // What mesh printed as granted is what Lake Formation now lists.
    String granted = apply.out().lines().filter(line -> line.startsWith("  granted  " + BOARD_OFFICE + " "))
        .findFirst().orElseThrow().substring("  granted  ".length());
    assertThat(dataCatalog.permissions()).map(listed -> LakeFormationGrant.of(listed).toString()).contains(granted);

    MeshRun again = apply(workspace, catalogue);

    assertThat(again.exitCode()).as(again.printed()).isZero();
    assertThat(again.out()).endsWith("\nApplied through meshwork-alpina-access:live: 0 tags created, 0 tag values "
        + "added, 0 databases tagged, 0 columns tagged, 0 filters created, 0 filters updated, 0 filters deleted, 0 "
        + "grants revoked, 0 grants added\n");
  }

  @Test
  void aFunctionError_isPrinted_andExitsOne() throws IOException {
    // Valid for the catalogue, but it needs a data cells filter, which moto cannot create.
    Path workspace = workspace(BOARD_OFFICE, """
        grants:
          - to: board-office
            product: loss_ratio
            role: controller
            classifications: [public, internal]
            rowFilter: canton IN ('ZH', 'ZG')
        """);

    MeshRun apply = apply(workspace, catalogue);

    assertThat(apply.exitCode()).as(apply.printed()).isEqualTo(1);
    assertThat(apply.err()).isEqualTo("The Access function meshwork-alpina-access:live failed (Unhandled): "
        + "software.amazon.awssdk.services.lakeformation.model.LakeFormationException: Service returned HTTP status "
        + "code 404 (Service: LakeFormation, Status Code: 404, Request ID: null) (SDK Attempt Count: 1)\n"
        + "Part of the workspace may have been applied; the function's log (/aws/lambda/meshwork-alpina-access) has "
        + "the details. Applying again is safe: the function reconciles towards the same policy.\n");
  }

  @Test
  void aWorkspaceTheFunctionsCatalogueRefuses_isExitTwo_withTheFunctionsProblems() throws IOException {
    // The admin's copy of the catalogue still has alpina in its shipped account; the published one does not.
    Path outdated = forMoto(ShippedTenant.CATALOG_DIRECTORY, work.resolve("outdated-catalogue"), SHIPPED_ACCOUNT);
    Path workspace = workspace("arn:aws:iam::" + SHIPPED_ACCOUNT + ":role/alpina-board-office", "");

    MeshRun apply = apply(workspace, outdated);

    assertThat(apply.exitCode()).as(apply.printed()).isEqualTo(2);
    assertThat(apply.err()).startsWith("The Access function meshwork-alpina-access:live refused the workspace (its "
        + "catalogue is the one published to the tenant's account):\n  workspace/workspace.yaml:5:11: The arn of "
        + "principal board-office of tenant alpina is not in the tenant's account 123456789012. Use an IAM role of "
        + "account 123456789012.\n");
    assertThat(dataCatalog.permissions()).isEmpty();
  }

  private MeshRun apply(Path workspace, Path catalogue) {
    // The CLI's credentials come from the SDK's default chain; this account's key selects it in MiniStack.
    String previous = System.setProperty("aws.accessKeyId", account.id());
    try {
      return MeshRun.of("workspace", "apply", "--tenant", TENANT, "--workspace", workspace.toString(),
          "--definitions", catalogue.toString(), "--region", endpoints.region().id(), "--endpoint-url",
          endpoints.aws().toString());
    } finally {
      if (previous == null) {
        System.clearProperty("aws.accessKeyId");
      } else {
        System.setProperty("aws.accessKeyId", previous);
      }
    }
  }

  private Path workspace(String boardOffice, String grants) throws IOException {
    Path directory = Files.createDirectories(work.resolve("workspace-" + UUID.randomUUID()));
    Files.writeString(directory.resolve("workspace.yaml"), """
        apiVersion: meshwork.io/v1
        kind: Workspace
        tenant: alpina
        principals:
          - name: board-office
            arn: %s
        """.formatted(boardOffice) + grants);
    return directory;
  }

  /** The tables alpina's policy names: its planned products and sources, with their contracts. */
  private static Map<TableName, Contract> tables(Path catalogue) {
    TenantPlan plan = new Planner(CatalogLoader.load(new DirectoryDefinitionFiles(catalogue))).plan(TENANT);
    Map<TableName, Contract> tables = new LinkedHashMap<>();
    plan.products().forEach(planned -> tables.put(planned.tableName(), planned.product().contract()));
    plan.sources().forEach(source -> tables.put(source.tableName(), source.contract()));
    return tables;
  }

  /**
   * A copy of {@code catalogue} whose access rules have no row filter (moto has no data cells filters) and whose
   * tenant alpina lives in {@code account}.
   */
  private static Path forMoto(Path catalogue, Path copy, String account) throws IOException {
    try (Stream<Path> files = Files.walk(catalogue)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(catalogue.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (file.getFileName().toString().endsWith(".yaml")) {
          Files.writeString(target, Files.readString(file).replaceAll("(?m)^\\s*rowFilter:.*\\n", "")
              .replace(SHIPPED_ACCOUNT, account));
        } else {
          Files.copy(file, target);
        }
      }
    }
    return copy;
  }
}
