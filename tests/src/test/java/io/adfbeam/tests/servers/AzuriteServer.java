package io.adfbeam.tests.servers;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azurite's Blob service, the version pinned in {@code tests/azurite/package.json} and its lock
 * file, installed with {@code npm ci} when its {@code node_modules} is missing, on a free port of
 * 127.0.0.1, without telemetry. In memory, or in a folder so that it keeps its blobs across a
 * {@link #stop()} and {@link #restart()}. A server that cannot start fails the caller.
 */
public final class AzuriteServer implements AutoCloseable {
  /** Azurite's development account and its public, well-known key. */
  public static final String ACCOUNT = "devstoreaccount1";

  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Pattern LISTENS =
      Pattern.compile("successfully listens on http://127\\.0\\.0\\.1:(\\d+)");

  private final Path location;
  private Process process;
  private int port;
  private final List<String> output = new ArrayList<>();

  private AzuriteServer(Path location) {
    this.location = location;
  }

  /** Starts Azurite in memory. */
  public static AzuriteServer start() throws IOException {
    return start(null);
  }

  /** Starts Azurite keeping its data in {@code location} (in memory when null). */
  public static AzuriteServer start(Path location) throws IOException {
    install();
    AzuriteServer server = new AzuriteServer(location);
    server.launch(0);
    return server;
  }

  /** The folder holding package.json, package-lock.json and node_modules. */
  public static Path home() {
    String root = System.getProperty("adfbeam.root");
    Path base = root != null ? Path.of(root) : Path.of("..");
    Path home = base.resolve("tests/azurite").toAbsolutePath().normalize();
    if (!Files.isRegularFile(home.resolve("package.json"))) {
      home = Path.of("azurite").toAbsolutePath(); // run from the tests module
    }
    return home;
  }

  private static Path bin() {
    return home().resolve("node_modules/.bin/azurite-blob");
  }

  /** Runs {@code npm ci} for the pinned Azurite when it is not installed yet. */
  public static synchronized void install() throws IOException {
    if (Files.isExecutable(bin())) {
      return;
    }
    ProcessBuilder pb = new ProcessBuilder("npm", "ci", "--prefix", home().toString(),
        "--no-audit", "--no-fund").redirectErrorStream(true);
    Process npm = pb.start();
    String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (npm.waitFor() != 0 || !Files.isExecutable(bin())) {
        throw new IOException("npm ci for Azurite in " + home() + " failed:\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted installing Azurite", e);
    }
  }

  private void launch(int wantedPort) throws IOException {
    List<String> command = new ArrayList<>(List.of(bin().toString(), "--blobHost", "127.0.0.1",
        "--blobPort", String.valueOf(wantedPort), "--disableTelemetry", "--skipApiVersionCheck",
        "--loose"));
    if (location == null) {
      command.add("--inMemoryPersistence");
    } else {
      command.addAll(List.of("--location", location.toString()));
    }
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (output) {
            output.add(line);
          }
          Matcher m = LISTENS.matcher(line);
          if (m.find()) {
            listening.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      listening.completeExceptionally(new IOException("Azurite ended before listening"));
    }, "azurite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      port = listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      stop();
      throw new IOException("Azurite did not start: " + String.join("\n", output), e);
    }
  }

  /** The Blob endpoint, path style: {@code http://127.0.0.1:PORT/devstoreaccount1}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  public int port() {
    return port;
  }

  /** A client of the development account, for setting up and checking. */
  public BlobServiceClient client() {
    return new BlobServiceClientBuilder().endpoint(endpoint())
        .credential(new StorageSharedKeyCredential(ACCOUNT, KEY)).buildClient();
  }

  /** Stops the server and every process it started. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the server again on the same port (with its data, when kept in a folder). */
  public synchronized void restart() throws IOException {
    stop();
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        launch(port);
        return;
      } catch (IOException e) {
        last = e; // the port may linger a moment
        try {
          Thread.sleep(250);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw last;
  }

  @Override
  public void close() {
    stop();
  }
}
