package io.meshwork.trino.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Trino running as a child process on a free loopback port, from the {@code trino-server} tarball on a
 * JDK 24+. Catalogs are added while it runs ({@link #addCatalog}). It stops on {@link #close()} or when this JVM
 * exits. Its log is {@link #log()}.
 */
public final class LocalTrino implements AutoCloseable {

  /** The user every connection names; the server checks no password. */
  public static final String USER = "meshwork";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Path instance;
  private final Thread shutdownHook;

  private LocalTrino(Process process, int port, Path instance) {
    this.process = process;
    this.port = port;
    this.instance = instance;
    this.shutdownHook = new Thread(this::stop, "local-trino-stop");
  }

  /**
   * Extracts the server if needed, starts it and waits until {@code /v1/info} reports it started.
   *
   * @throws TrinoUnavailableException if no JDK 24+ or tarball is here, or the server exits or does not start in time
   */
  public static LocalTrino start(TrinoSettings settings) {
    Path java = JavaRuntime.launcher(settings.javaHome());
    Path tarball = settings.tarball().orElseGet(LocalTrino::tarballInLocalRepository);
    Path home = ServerExtraction.extract(tarball, settings.directory());
    int port = freePort();
    Path instance = settings.directory().resolve("instance-" + ProcessHandle.current().pid() + "-" + port);
    Process process;
    try {
      installSqliteDriver(home);
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.addAll(ServerConfiguration.write(instance, home, port, settings.heap()));
      command.addAll(List.of("-cp", home.resolve("lib") + "/*", "io.trino.server.TrinoServer"));
      process = new ProcessBuilder(command).directory(instance.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(instance.resolve("server.log").toFile())).start();
    } catch (IOException e) {
      throw new TrinoUnavailableException("Cannot start Trino with " + java + ": " + e.getMessage(), e);
    }
    LocalTrino trino = new LocalTrino(process, port, instance);
    Runtime.getRuntime().addShutdownHook(trino.shutdownHook);
    try {
      trino.awaitStarted(settings.startupTimeout());
    } catch (RuntimeException e) {
      trino.close();
      throw e;
    }
    return trino;
  }

  /** The server's HTTP address, e.g. {@code http://127.0.0.1:40123}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The JDBC URL of the server, for {@code io.trino:trino-jdbc}. */
  public String jdbcUrl() {
    return "jdbc:trino://127.0.0.1:" + port;
  }

  /** A new JDBC connection as {@link #USER}. */
  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    return DriverManager.getConnection(jdbcUrl(), properties);
  }

  /** The server's output: configuration errors and stack traces end up here. */
  public Path log() {
    return instance.resolve("server.log");
  }

  /**
   * Adds {@code catalog}, replacing one of the same name. A catalog whose locations have no scheme (Meshwork's local
   * warehouse) reads them through this server's Hadoop configuration.
   */
  public void addCatalog(TrinoCatalog catalog) throws SQLException {
    TrinoCatalog configured = "true".equals(catalog.properties().get("fs.hadoop.enabled"))
        && !catalog.properties().containsKey("hive.config.resources")
        ? catalog.with("hive.config.resources", ServerConfiguration.hadoopSite(instance).toString())
        : catalog;
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP CATALOG IF EXISTS " + catalog.name());
      statement.execute(configured.createStatement());
    }
  }

  /** Removes the catalog {@code name} if it exists. */
  public void dropCatalog(String name) throws SQLException {
    new TrinoCatalog(name, java.util.Map.of()); // validates the name before it reaches SQL
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP CATALOG IF EXISTS " + name);
    }
  }

  /** True while the server process runs. */
  public boolean isRunning() {
    return process.isAlive();
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs or ran
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitStarted(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(uri().resolve("/v1/info")).timeout(Duration.ofSeconds(5)).GET()
        .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new TrinoUnavailableException("Trino exited with code " + process.exitValue()
            + " before it started; see " + log());
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && started(response.body())) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (IOException e) {
        // listening, not answering yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TrinoUnavailableException("Interrupted while waiting for Trino to start", e);
      }
      sleep();
    }
    throw new TrinoUnavailableException("Trino did not report started at " + uri() + "/v1/info within " + timeout
        + "; see " + log());
  }

  static boolean started(String info) throws IOException {
    JsonNode starting = JSON.readTree(info).get("starting");
    return starting != null && starting.isBoolean() && !starting.asBoolean();
  }

  /** Trino's Iceberg connector loads the catalog's JDBC driver from the plugin's own directory. */
  private static void installSqliteDriver(Path home) throws IOException {
    Path jar;
    try {
      jar = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the SQLite JDBC driver's jar", e);
    }
    Path target = home.resolve("plugin").resolve("iceberg").resolve(jar.getFileName());
    if (!Files.exists(target)) {
      Path partial = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
      Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Where Maven keeps the tarball when the trino-local module resolved it. */
  static Path tarballInLocalRepository() {
    String repository = System.getProperty("maven.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    return Path.of(repository, "io", "trino", "trino-server", TrinoSettings.VERSION,
        "trino-server-" + TrinoSettings.VERSION + ".tar.gz");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrinoUnavailableException("Interrupted while waiting for Trino to start", e);
    }
  }
}
