package io.meshwork.trino.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrinoSettingsTest {

  @TempDir
  Path directory;

  @Test
  void defaultsToTemurin25AndSkippingOutsideCi() {
    TrinoSettings settings = TrinoSettings.from(Map.of(), null, "target/trino");

    assertThat(settings.javaHome()).isEqualTo(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
    assertThat(settings.required()).isFalse();
    assertThat(settings.tarball()).isEmpty();
    assertThat(settings.heap()).isEqualTo("1G");
  }

  @Test
  void ciOrTheRequiredFlagMakeTrinoRequired() {
    assertThat(TrinoSettings.from(Map.of("CI", "true"), null, "t").required()).isTrue();
    assertThat(TrinoSettings.from(Map.of("MESHWORK_TRINO_REQUIRED", "true"), null, "t").required()).isTrue();
    assertThat(TrinoSettings.from(Map.of("CI", "false"), null, "t").required()).isFalse();
  }

  @Test
  void theEnvironmentOverridesJavaHomeTarballAndHeap() {
    TrinoSettings settings = TrinoSettings.from(Map.of("MESHWORK_TRINO_JAVA_HOME", "/opt/jdk", "MESHWORK_TRINO_TARBALL",
        "/tmp/t.tar.gz", "MESHWORK_TRINO_HEAP", "3G"), "/from/maven.tar.gz", "t");

    assertThat(settings.javaHome()).isEqualTo(Path.of("/opt/jdk"));
    assertThat(settings.tarball()).isEqualTo(Optional.of(Path.of("/tmp/t.tar.gz")));
    assertThat(settings.heap()).isEqualTo("3G");
  }

  @Test
  void takesTheTarballMavenResolvedButNotAnUnresolvedProperty() {
    assertThat(TrinoSettings.from(Map.of(), "/repo/trino-server-476.tar.gz", "t").tarball())
        .contains(Path.of("/repo/trino-server-476.tar.gz"));
    assertThat(TrinoSettings.from(Map.of(), "${io.trino:trino-server:tar.gz}", "t").tarball()).isEmpty();
  }

  @Test
  void refusesAHeapThatIsNotASize() {
    assertThatThrownBy(() -> TrinoSettings.from(Map.of("MESHWORK_TRINO_HEAP", "lots"), null, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MESHWORK_TRINO_HEAP=lots is not a heap size: use e.g. 1G or 1536M");
  }

  @Test
  void refusesAMissingJdkAndSaysWhereItLooked() {
    Path none = directory.resolve("none");

    assertThatThrownBy(() -> JavaRuntime.launcher(none)).isInstanceOf(TrinoUnavailableException.class)
        .hasMessage("Trino 476 needs a JDK 24 or newer, and there is none at " + none
            + ": install Temurin 25 there or set MESHWORK_TRINO_JAVA_HOME");
  }

  @Test
  void refusesAJdkOlderThan24() throws IOException {
    Path jdk = fakeJdk("17.0.12");

    assertThatThrownBy(() -> JavaRuntime.launcher(jdk)).isInstanceOf(TrinoUnavailableException.class)
        .hasMessage("Trino 476 needs a JDK 24 or newer, but " + jdk + " is Java 17: set MESHWORK_TRINO_JAVA_HOME");
  }

  @Test
  void acceptsAJdk25() throws IOException {
    Path jdk = fakeJdk("25.0.3");

    assertThat(JavaRuntime.launcher(jdk)).isEqualTo(jdk.resolve("bin/java"));
  }

  private Path fakeJdk(String version) throws IOException {
    Path jdk = directory.resolve("jdk-" + version);
    Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    return jdk;
  }
}
