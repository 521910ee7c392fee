package io.meshwork.trino.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The {@code etc/} directory of one local Trino: a single node that is coordinator and worker on a loopback port,
 * catalogs added and dropped at run time ({@code CREATE CATALOG}), kept in memory only.
 */
final class ServerConfiguration {

  private ServerConfiguration() {
  }

  /** Writes {@code etc/} under {@code instance} and returns the JVM options of the server. */
  static List<String> write(Path instance, Path home, int port, String heap) throws IOException {
    Path etc = Files.createDirectories(instance.resolve("etc"));
    Files.writeString(etc.resolve("config.properties"), String.join("\n",
        "coordinator=true",
        "node-scheduler.include-coordinator=true",
        "node.environment=meshwork",
        "node.id=" + UUID.randomUUID(),
        "node.internal-address=127.0.0.1",
        "http-server.http.port=" + port,
        "discovery.uri=http://127.0.0.1:" + port,
        "plugin.dir=" + home.resolve("plugin"),
        "catalog.management=dynamic",
        "catalog.store=memory",
        // One node holds every query: let a query use 60 % of the heap (Trino's default 30 % stops a window over
        // ten million claim lines), leaving Trino's default 30 % headroom.
        "query.max-memory-per-node=" + share(heap, 60),
        "query.max-memory=" + share(heap, 60),
        // One small node: no spill, no request log, no admin port.
        "http-server.log.enabled=false",
        // A test asks for rows it knows are there; the shutdown grace only delays the build.
        "shutdown.grace-period=1s",
        ""));
    Files.writeString(etc.resolve("log.properties"), "io.trino=INFO\n");
    // Read by catalogs whose locations have no scheme: the raw local file system writes no .crc side files.
    Files.writeString(etc.resolve("core-site.xml"), """
        <?xml version="1.0"?>
        <configuration>
          <property><name>fs.file.impl</name><value>org.apache.hadoop.fs.RawLocalFileSystem</value></property>
        </configuration>
        """);
    List<String> options = List.of(
        "-Xmx" + heap,
        "-XX:+UseG1GC",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:+EnableDynamicAgentLoading",
        "-Djdk.attach.allowAttachSelf=true",
        "-Dconfig=" + etc.resolve("config.properties"),
        "-Dlog.levels-file=" + etc.resolve("log.properties"));
    Files.writeString(etc.resolve("jvm.config"), String.join("\n", options) + "\n");
    return options;
  }

  /** {@code percent} of a heap size such as {@code 4G}, in megabytes as Trino writes data sizes. */
  static String share(String heap, int percent) {
    long megabytes = Long.parseLong(heap.substring(0, heap.length() - 1)) * (heap.endsWith("G") ? 1024 : 1);
    return Math.max(64, megabytes * percent / 100) + "MB";
  }

  static Path hadoopSite(Path instance) {
    return instance.resolve("etc").resolve("core-site.xml");
  }
}
