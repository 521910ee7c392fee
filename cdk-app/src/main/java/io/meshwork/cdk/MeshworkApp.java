package io.meshwork.cdk;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;

/**
 * The CDK app that {@code cdk synth} runs: the {@link OrganizationStack} with the tenants' accounts, the
 * {@link ProviderStack}, and one {@link TenantStack} per tenant of the catalogue, built from the same definitions and
 * planner as the local runtime. Where each goes is set by {@link DeploymentSettings}. The catalogue is read from {@code MESHWORK_DEFINITIONS}, or
 * {@code ../product-definitions/catalog} (relative to {@code cdk-app/}, where the CLI runs). Invalid definitions are
 * reported as {@code file:line:column: message} lines and end the app with exit status 2 before anything is written;
 * so does a missing functions jar (see {@link FunctionsJar}).
 */
public final class MeshworkApp {

  static final String DEFINITIONS_VARIABLE = io.meshwork.model.runtime.RuntimeNames.DEFINITIONS_VARIABLE;
  static final Path DEFAULT_DEFINITIONS = Path.of("..", "product-definitions", "catalog");

  private MeshworkApp() {
  }

  public static void main(String[] args) {
    Optional<String> missingJar = FunctionsJar.problem(FunctionsJar.location(System.getenv()));
    if (missingJar.isPresent()) {
      System.err.println(missingJar.get());
      System.exit(2);
    }
    App app = newApp();
    int status;
    try {
      DeploymentSettings settings = DeploymentSettings.from(key -> app.getNode().tryGetContext(key), System.getenv());
      status = addStacks(app, definitionsDirectory(System.getenv()), settings, System.err);
      if (status == 0) {
        StackLimits.checkCounts(app);
        StackLimits.checkTemplateSizes(app.synth());
      }
    } catch (IllegalArgumentException invalid) {
      System.err.println("meshwork cdk-app: " + invalid.getMessage());
      status = 2;
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * An app with the feature flags the stacks rely on: server access logs are granted by bucket policy rather than
   * the legacy log-delivery ACL, so the log bucket can enforce bucket-owner object ownership. For synthesis speed at
   * hundreds of tenant stacks (about a third of the synth phase): no construct stack traces in metadata, no
   * {@code tree.json} (the construct tree for IDE explorers; deploys do not read it), and no
   * {@code AWS::CDK::Metadata} resource (the CDK's usage reporting to AWS) in the templates. Public for tests
   * elsewhere that synthesize a stack the way {@code cdk synth} does.
   */
  public static App newApp() {
    return new App(appProps().build());
  }

  /** The settings of {@link #newApp()}, for callers that add their own, such as an output directory. */
  public static AppProps.Builder appProps() {
    return AppProps.builder()
        .context(Map.of("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true,
            // The account shards import the tenants' unit id: keep it exported while they use it.
            "@aws-cdk/core:defaultCrossStackReferences", "strong",
            "aws:cdk:disable-stack-trace", true))
        .treeMetadata(false)
        .analyticsReporting(false);
  }

  /** The catalogue directory named by the environment, or the default. */
  static Path definitionsDirectory(Map<String, String> environment) {
    String configured = environment.get(DEFINITIONS_VARIABLE);
    return configured == null || configured.isBlank() ? DEFAULT_DEFINITIONS : Path.of(configured);
  }

  /**
   * Adds the organisation stack, the provider stack and a stack per tenant of the catalogue in {@code definitions} to
   * {@code app}; returns 0, or 2 after printing every problem to {@code err} if the definitions are invalid.
   */
  static int addStacks(App app, Path definitions, DeploymentSettings settings, PrintStream err) {
    return withCatalog(definitions, err, catalog -> {
      List<Tenant> selected = catalog.tenants();
      if (settings.tenants().isPresent()) {
        selected = selectedTenants(catalog, settings.tenants().get());
      } else {
        new OrganizationStack(app, catalog.tenants(), settings.managementAccount(), settings.accountShards());
        new ProviderStack(app, catalog.tenants(), Environment.builder()
            .account(settings.providerAccount().orElse(null))
            .region(settings.providerRegion())
            .build());
      }
      List<TenantStack> tenants = addTenantStacks(app, catalog, selected, settings.defaultAccount());
      settings.centralBusArn().ifPresent(bus -> tenants.forEach(stack -> stack.forwardRunEventsTo(bus)));
    });
  }

  /**
   * Adds the stacks {@code cdk synth} builds to {@code app}, with the settings of the app's context and
   * {@code environment}; returns 0, or 2 after printing every problem to {@code err}. For synthesizing the app
   * elsewhere, as the template checks do.
   */
  public static int addStacks(App app, Path definitions, Map<String, String> environment, PrintStream err) {
    return addStacks(app, definitions, DeploymentSettings.from(key -> app.getNode().tryGetContext(key),
        environment), err);
  }

  /** The tenants {@code ids} of {@code catalog}, in catalogue order; an unknown id is an invalid setting. */
  private static List<Tenant> selectedTenants(Catalog catalog, Set<String> ids) {
    List<String> known = catalog.tenants().stream().map(Tenant::id).toList();
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(DeploymentSettings.TENANTS + " names " + unknown + ", which the catalogue"
          + " does not hold; its tenants are " + known + ".");
    }
    return catalog.tenants().stream().filter(tenant -> ids.contains(tenant.id())).toList();
  }

  /**
   * Adds a stack per tenant of the catalogue in {@code definitions} to {@code app}; returns 0, or 2 after printing
   * every problem to {@code err} if the definitions are invalid.
   */
  static int addTenantStacks(App app, Path definitions, Optional<String> defaultAccount, PrintStream err) {
    return withCatalog(definitions, err, catalog -> addTenantStacks(app, catalog, catalog.tenants(), defaultAccount));
  }

  private static int withCatalog(Path definitions, PrintStream err, Consumer<Catalog> work) {
    if (!Files.isDirectory(definitions)) {
      err.println("meshwork cdk-app: definitions directory " + definitions.toAbsolutePath().normalize()
          + " does not exist: set " + DEFINITIONS_VARIABLE + " to the catalogue directory.");
      return 2;
    }
    try {
      work.accept(CatalogLoader.load(new DirectoryDefinitionFiles(definitions)));
      return 0;
    } catch (InvalidDefinitionException invalid) {
      err.println("meshwork cdk-app: invalid definitions in " + definitions + ":");
      invalid.diagnostics().stream().sorted().map(Diagnostic::toString).forEach(err::println);
      return 2;
    }
  }

  /** Adds a stack for each of {@code tenants}, planned against {@code catalog}; returns the stacks in order. */
  static List<TenantStack> addTenantStacks(App app, Catalog catalog, List<Tenant> tenants,
      Optional<String> defaultAccount) {
    Planner planner = new Planner(catalog);
    List<TenantStack> stacks = new ArrayList<>();
    for (Tenant tenant : tenants) {
      Problems problems = new Problems();
      TenantPlan plan = planner.plan(tenant, problems);
      problems.throwIfAny();
      stacks.add(new TenantStack(app, tenant, plan, defaultAccount));
    }
    return stacks;
  }
}
