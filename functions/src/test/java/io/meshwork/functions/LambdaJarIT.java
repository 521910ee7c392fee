package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda deployment package that {@code package} built: what it holds, and that it runs on its own, on the JDK of
 * the functions' Lambda runtime ({@code java25}) when the build names one in {@value #LAMBDA_JAVA_HOME} (the
 * {@code lambda-jdk} profile of {@code functions/pom.xml} does when a Temurin 25 JDK is installed), else on the JDK
 * running the build.
 */
class LambdaJarIT {

  private static final Path JAR = Path.of("target/meshwork-functions-lambda.jar");
  /** The system property naming the home directory of the JDK to start the jar with. */
  static final String LAMBDA_JAVA_HOME = "meshwork.lambda.java.home";
  /** The Java feature release of the functions' Lambda runtime. */
  static final String LAMBDA_JAVA_RELEASE = "25";

  @TempDir
  Path home;

  @Test
  void jarHoldsTheHandlersAndTheCatalogue_andOnlyLinuxX8664Natives_andNothingFromTests() throws IOException {
    List<String> entries;
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries).contains("io/meshwork/functions/PlanFunction.class",
        "io/meshwork/functions/ComputeFunction.class", "io/meshwork/functions/ValidateFunction.class",
        "io/meshwork/functions/PublishFunction.class", "io/meshwork/functions/FreshnessFunction.class",
        "io/meshwork/functions/MaintenanceFunction.class",
        "io/meshwork/functions/AccessFunction.class", "io/meshwork/functions/access/LakeFormationReconciler.class",
        "io/meshwork/functions/LambdaSerializer.class",
        "META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer",
        "meshwork/catalog/catalog.yaml", "simplelogger.properties");
    assertThat(entries).filteredOn(name -> name.startsWith("libduckdb_java"))
        .containsExactly("libduckdb_java.so_linux_amd64");
    assertThat(entries).filteredOn(name -> name.matches("org/sqlite/native/.+\\.(so|dylib|dll|jnilib)"))
        .containsExactly("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    assertThat(entries).filteredOn(name -> name.matches("org/xerial/snappy/native/.+\\.(so|dylib|dll|jnilib|a)"))
        .containsExactly("org/xerial/snappy/native/Linux/x86_64/libsnappyjava.so");
    assertThat(entries).filteredOn(name -> name.matches(".*libzstd-jni.*\\.(so|dylib|dll)"))
        .containsExactly("linux/amd64/libzstd-jni-1.5.7-3.so");
    assertThat(entries).noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/assertj/")
        || name.startsWith("org/apache/hadoop/") || name.startsWith("pipeline-catalog/")
        || name.endsWith("Test.class") || name.endsWith("IT.class") || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)"));
  }

  @Test
  void jarAlone_plansFromItsPackagedCatalogue_sizingFromDeclaredResourcesWhenGlueRefuses_andSendsComputesCatalogCallsToGlue() throws Exception {
    try (StandInGlue glue = new StandInGlue()) {
      String lambdaJavaHome = System.getProperty(LAMBDA_JAVA_HOME, "");
      String java = lambdaJavaHome.isBlank() ? ProcessHandle.current().info().command().orElse("java")
          : Path.of(lambdaJavaHome, "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-cp", JAR + ":target/test-classes",
          LambdaJarSmoke.class.getName(), "alpina").redirectErrorStream(true);
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(name -> name.startsWith("MESHWORK_") || name.startsWith("AWS_"));
      environment.putAll(Map.of("MESHWORK_CATALOG", "glue", "MESHWORK_WAREHOUSE", "s3://data-alpina/warehouse",
          "MESHWORK_TENANT", "alpina", "MESHWORK_HOME", home.toString(), "AWS_ENDPOINT_URL", glue.endpoint(),
          "AWS_REGION", "eu-central-2", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).as(output).isZero();
      if (!lambdaJavaHome.isBlank()) {
        assertThat(output).contains("JAVA " + LAMBDA_JAVA_RELEASE + "\n");
      }
      assertThat(output).contains("PLAN {\"tenant\":\"alpina\",\"runId\":\"smoke\",\"waves\":[[{\"tenant\":\"alpina\"")
          .contains("INFO {\"step\":\"Plan\",\"tenant\":\"alpina\",\"runId\":\"smoke\",\"status\":\"PLANNED\"")
          .contains("\"sizeReason\":\"inputs not measured: fits the SnapStart Compute")
          .contains("COMPUTE software.amazon.awssdk.services.glue.model.AccessDeniedException: "
              + StandInGlue.MESSAGE)
          .doesNotContain("SLF4J(W)").doesNotContain("NoClassDefFoundError");
      assertThat(glue.requests()).extracting(request -> request.get("target")).first()
          .isEqualTo("AWSGlue.GetTable");
    }
  }
}
