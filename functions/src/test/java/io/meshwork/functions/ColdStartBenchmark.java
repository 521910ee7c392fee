package io.meshwork.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the Plan, Compute, Validate and Publish handlers from the Lambda jar, each in a fresh JVM on local
 * storage (a home seeded with {@code mesh seed}), without and with an application class-data-sharing archive (the
 * closest local stand-in for SnapStart's restored snapshot: classes loaded and linked ahead of time, no restored
 * heap). Uses only the JDK, so it runs as a single source file:
 *
 * <pre>java functions/src/test/java/io/meshwork/functions/ColdStartBenchmark.java JAVA_HOME HOME TENANT</pre>
 *
 * after {@code ./mvnw -pl functions -am package -DskipTests} (the jar and the test classes) and {@code ./mesh seed
 * --home HOME --tenant TENANT}.
 */
public final class ColdStartBenchmark {

  private static final List<String> STEPS = List.of("plan", "compute", "validate", "publish");
  private static String classPath;

  private ColdStartBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path java = Path.of(args[0], "bin", "java");
    Path home = Path.of(args[1]).toAbsolutePath();
    String tenant = args[2];
    Path work = Files.createTempDirectory("meshwork-cold-start");
    Path archive = work.resolve("handlers.jsa");
    // Class-data sharing takes jars only: the one test class that drives a step goes into a jar of its own.
    Path stepJar = work.resolve("cold-start-step.jar");
    String entry = "io/meshwork/functions/ColdStartStep.class";
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(stepJar))) {
      jar.putNextEntry(new java.util.jar.JarEntry(entry));
      jar.write(Files.readAllBytes(Path.of("functions/target/test-classes").resolve(entry)));
      jar.closeEntry();
    }
    classPath = "functions/target/meshwork-functions-lambda.jar:" + stepJar;
    System.out.println("Cold start from the Lambda jar on " + version(java) + ", tenant " + tenant
        + ", milliseconds from JVM start to handler ready / first result:");
    train(java, home, tenant, work, archive);
    Map<String, long[]> plain = run(java, home, tenant, work, "plain", List.of());
    Map<String, long[]> shared = run(java, home, tenant, work, "cds", List.of("-XX:SharedArchiveFile=" + archive));
    String planned = Files.readString(work.resolve("plain-plan.json"));
    Matcher product = Pattern.compile("\"product\":\"([a-z_]+)\"").matcher(planned);
    System.out.println("(Compute, Validate and Publish of " + (product.find() ? product.group(1) : "the first product")
        + ", the first product of the plan)");
    System.out.printf("%-9s %18s %22s%n", "handler", "no CDS (ready/first)", "AppCDS (ready/first)");
    for (String step : STEPS) {
      System.out.printf("%-9s %9d / %6d %13d / %6d%n", step, plain.get(step)[0], plain.get(step)[1],
          shared.get(step)[0], shared.get(step)[1]);
    }
    try (var files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** One JVM runs the four steps and writes the archive of every class they loaded. */
  private static void train(Path java, Path home, String tenant, Path work, Path archive) throws Exception {
    Path copy = copyHome(home, work.resolve("training-home"));
    Path request = Files.writeString(work.resolve("training-request.json"), "{\"tenant\":\"" + tenant
        + "\",\"runId\":\"cold-training\"}");
    Path responses = Files.createDirectories(work.resolve("training"));
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:ArchiveClassesAtExit=" + archive, "-cp", classPath, "io.meshwork.functions.ColdStartStep", "all",
        request.toString(), responses.toString()).redirectErrorStream(true);
    builder.environment().putAll(Map.of("MESHWORK_CATALOG", "local", "MESHWORK_HOME", copy.toString(),
        "MESHWORK_TENANT", tenant));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !Files.exists(archive)) {
      throw new IllegalStateException("The training run failed:\n" + output);
    }
  }

  private static Path copyHome(Path home, Path copy) throws IOException {
    try (var files = Files.walk(home)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(home.relativize(file).toString()));
      }
    }
    return copy;
  }

  private static Map<String, long[]> run(Path java, Path home, String tenant, Path work, String label,
      List<String> options) throws IOException, InterruptedException {
    Map<String, long[]> times = new java.util.LinkedHashMap<>();
    // Each round starts from the seeded home, so that Compute really computes and Publish really publishes.
    Path copy = copyHome(home, work.resolve(label + "-home"));
    Path previous = Files.writeString(work.resolve(label + "-request.json"), "{\"tenant\":\"" + tenant
        + "\",\"runId\":\"cold-" + label + "\"}");
    for (String step : STEPS) {
      Path next = work.resolve(label + "-" + step + ".json");
      List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1"));
      command.addAll(options);
      command.addAll(List.of("-cp", classPath,
          "io.meshwork.functions.ColdStartStep", step, previous.toString(), next.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(Map.of("MESHWORK_CATALOG", "local", "MESHWORK_HOME", copy.toString(),
          "MESHWORK_TENANT", tenant));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0 || !output.contains("COLDSTART " + step)) {
        throw new IllegalStateException(step + " failed:\n" + output);
      }
      String[] line = output.lines().filter(text -> text.startsWith("COLDSTART ")).findFirst().orElseThrow()
          .split(" ");
      times.put(step, new long[] {Long.parseLong(line[2]), Long.parseLong(line[3])});
      previous = next;
    }
    return times;
  }

  private static String version(Path java) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output.lines().findFirst().orElse("java");
  }
}
