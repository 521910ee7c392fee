package io.meshwork.trino.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerExtractionTest {

  @TempDir
  Path directory;

  @Test
  void extractsLibAndTheIcebergPluginWithTheContentsOfJarsHardLinkedFromOtherPlugins() throws IOException {
    Path tarball = tarball();

    Path home = ServerExtraction.extract(tarball, directory.resolve("out"));

    assertThat(home).isEqualTo(directory.resolve("out").resolve("trino-server-476"));
    assertThat(Files.readString(home.resolve("lib/server.jar"))).isEqualTo("server");
    assertThat(Files.readString(home.resolve("plugin/iceberg/shared.jar"))).isEqualTo("shared");
    assertThat(Files.readString(home.resolve("plugin/iceberg/hdfs/shared.jar"))).isEqualTo("shared");
    assertThat(Files.readString(home.resolve("plugin/iceberg/own.jar"))).isEqualTo("own");
    assertThat(home.resolve("plugin/delta-lake")).doesNotExist();
    assertThat(home.resolve("plugin/hive")).doesNotExist();
    assertThat(home.resolve("bin")).doesNotExist();
  }

  @Test
  void reusesAnExtractionOfTheSameTarball() throws IOException {
    Path tarball = tarball();
    Path home = ServerExtraction.extract(tarball, directory.resolve("out"));
    Files.writeString(home.resolve("lib/server.jar"), "changed since");

    ServerExtraction.extract(tarball, directory.resolve("out"));

    assertThat(Files.readString(home.resolve("lib/server.jar"))).isEqualTo("changed since");
  }

  @Test
  void saysHowToGetAMissingTarball() {
    Path missing = directory.resolve("trino-server-476.tar.gz");

    assertThatThrownBy(() -> ServerExtraction.extract(missing, directory))
        .isInstanceOf(TrinoUnavailableException.class)
        .hasMessage("The Trino server tarball is missing: " + missing + " (build the trino-local module with Maven, "
            + "which resolves io.trino:trino-server:476:tar.gz, or set MESHWORK_TRINO_TARBALL)");
  }

  /** A tarball laid out as Trino's: the Iceberg plugin's shared jars are hard links to another plugin's. */
  private Path tarball() throws IOException {
    Path tarball = directory.resolve("trino-server-476.tar.gz");
    try (OutputStream file = Files.newOutputStream(tarball);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      file(tar, "trino-server-476/bin/launcher", "launcher");
      file(tar, "trino-server-476/lib/server.jar", "server");
      file(tar, "trino-server-476/plugin/delta-lake/shared.jar", "shared");
      file(tar, "trino-server-476/plugin/hive/hive.jar", "hive");
      link(tar, "trino-server-476/plugin/iceberg/shared.jar", "trino-server-476/plugin/delta-lake/shared.jar");
      link(tar, "trino-server-476/plugin/iceberg/hdfs/shared.jar", "trino-server-476/plugin/delta-lake/shared.jar");
      file(tar, "trino-server-476/plugin/iceberg/own.jar", "own");
    }
    return tarball;
  }

  private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void link(TarArchiveOutputStream tar, String name, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
    entry.setLinkName(target);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }
}
