package io.meshwork.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The deployment package of a {@code provided.al2023} function that runs a Java handler from a jar on this host: a
 * {@code bootstrap} script that starts this JVM's {@code java} with the AWS Lambda Java runtime interface client
 * ({@link AWSLambda}) and the handler named by {@code _HANDLER}. MiniStack runs {@code java17} functions only as a
 * mock, but it runs a {@code provided.*} bootstrap as a process speaking the Lambda Runtime API, and the runtime
 * interface client reports a handler's exception with its class name as {@code errorType}, as the managed Java
 * runtime does.
 *
 * <p>The script refers to the jars by their absolute paths on this host instead of packaging them: the emulator runs
 * on this host, and the functions jar is 80 MB. So the package works only for an emulator that runs its bootstraps
 * as local processes (MiniStack without Docker).
 *
 * <p>Each runtime process gets a {@code MESHWORK_HOME} and temporary directory of its own under {@code scratch}: on
 * AWS every execution environment has its own {@code /tmp}, and the handlers' staging directories must not be shared
 * by concurrent environments.
 *
 * @param java the {@code java} executable
 * @param classPath the runtime interface client's jars, then the handlers' jar
 * @param nativeLibrary the runtime interface client's JNI library, extracted once (see {@link #prepare})
 * @param scratch where each runtime process gets its own directory
 */
public record JavaRuntimeBootstrap(Path java, List<Path> classPath, Path nativeLibrary, Path scratch) {

  /** The runtime the functions are created with. */
  public static final String RUNTIME = "provided.al2023";

  /** Small heap and serial GC: several runtime processes share the test machine's cores. */
  static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** Where the client loads its JNI library from when set, instead of unpacking it to a fixed file in /tmp. */
  static final String NATIVE_LIBRARY_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  private static final String NATIVE_LIBRARY_RESOURCE = "/jni/libaws-lambda-jni.linux-x86_64.so";

  public JavaRuntimeBootstrap {
    Objects.requireNonNull(java, "java");
    classPath = List.copyOf(classPath);
    Objects.requireNonNull(nativeLibrary, "nativeLibrary");
    Objects.requireNonNull(scratch, "scratch");
    for (Path path : classPath) {
      if (path.toString().contains("'") || path.toString().contains(":")) {
        throw new IllegalArgumentException("Cannot put " + path + " on a class path in a shell script");
      }
    }
  }

  /**
   * A bootstrap that runs handlers of {@code handlersJar} with the runtime interface client on this test's class
   * path, the JVM running this test, and its JNI library extracted into {@code scratch}.
   */
  public static JavaRuntimeBootstrap prepare(Path handlersJar, Path scratch) {
    if (!Files.isRegularFile(handlersJar)) {
      throw new IllegalStateException("The functions jar " + handlersJar + " does not exist: build it with"
          + " `./mvnw -pl localstack-tests -am verify`, which packages the functions module first.");
    }
    List<Path> classPath = new ArrayList<>();
    // The client and what it needs, before the handlers' jar: the jar bundles an older aws-lambda-java-core.
    for (Class<?> type : List.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)) {
      classPath.add(jarOf(type));
    }
    classPath.add(handlersJar.toAbsolutePath().normalize());
    Path library = scratch.toAbsolutePath().normalize().resolve("libaws-lambda-jni.so");
    try (InputStream in = AWSLambda.class.getResourceAsStream(NATIVE_LIBRARY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The runtime interface client jar has no " + NATIVE_LIBRARY_RESOURCE);
      }
      Files.createDirectories(scratch);
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract the runtime interface client's JNI library to " + library, e);
    }
    return new JavaRuntimeBootstrap(Path.of(System.getProperty("java.home"), "bin", "java"), classPath, library,
        scratch.toAbsolutePath().normalize());
  }

  /** The {@code bootstrap} script. */
  public String script() {
    String classes = classPath.stream().map(Path::toString).collect(Collectors.joining(":"));
    return "#!/bin/sh\n"
        + "# Runs the Java handler named by _HANDLER with the AWS Lambda Java runtime interface client.\n"
        + "# Each runtime process has its own home and temporary directory, as each Lambda environment has its /tmp.\n"
        + "MESHWORK_HOME='" + scratch + "'/environment-$$\n"
        + "export MESHWORK_HOME\n"
        + "mkdir -p \"$MESHWORK_HOME/tmp\"\n"
        + "exec '" + java + "' " + String.join(" ", JVM_OPTIONS)
        + " -Djava.io.tmpdir=\"$MESHWORK_HOME/tmp\""
        + " -D" + NATIVE_LIBRARY_PROPERTY + "='" + nativeLibrary + "'"
        + " -cp '" + classes + "'"
        + " " + AWSLambda.class.getName() + " \"$_HANDLER\"\n";
  }

  /** The deployment package: a zip holding only the {@code bootstrap} script. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      // MiniStack makes bootstrap executable when it unpacks the package (the JDK's zip API cannot record modes).
      zip.putNextEntry(new ZipEntry("bootstrap"));
      zip.write(script().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the deployment package", e);
    }
    return bytes.toByteArray();
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
    }
  }
}
