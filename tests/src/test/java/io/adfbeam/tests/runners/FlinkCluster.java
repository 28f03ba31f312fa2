package io.adfbeam.tests.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Flink 1.19 standalone session cluster in two JVMs of its own, started from the Maven Central
 * jars listed in {@code tests/flink-cluster/target/flink-cluster.classpath} (flink-dist is not
 * served): a JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers
 * ({@code TaskManagerRunner}), everything bound to 127.0.0.1 on free ports. Memory flags come from
 * Flink's own {@code BashJavaUtils}, as its scripts do. Nothing of adf-beam is on the cluster's
 * class path: a job runs only from the jar it stages.
 *
 * <p>{@link #close()} stops every process it started (and a shutdown hook does, should the test
 * JVM end first); logs stay in {@link #dir()}{@code /log}.
 */
public final class FlinkCluster implements AutoCloseable {
  /** Flink's Java 17 module flags ({@code env.java.opts.all} of its distribution's config). */
  private static final List<String> JAVA17_OPENS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String classpath;
  private final int restPort;
  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "flink-cluster-stop");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process jobManager;
  private Process taskManager;
  private int taskManagers;
  private final java.util.Set<String> knownTaskManagers = new java.util.HashSet<>();

  private FlinkCluster(Path dir, String classpath, int restPort) {
    this.dir = dir;
    this.classpath = classpath;
    this.restPort = restPort;
  }

  /** Starts a JobManager and one TaskManager with {@code slots} slots; waits until both are up. */
  public static FlinkCluster start(Path dir, int slots) throws IOException, InterruptedException {
    String cpFile = System.getProperty("adfbeam.flinkClasspath");
    if (cpFile == null || !Files.isRegularFile(Path.of(cpFile))) {
      throw new IllegalStateException("no Flink cluster class path at " + cpFile
          + " (built by the adf-beam-flink-cluster module: mvn install -pl tests -am)");
    }
    String classpath = Files.readString(Path.of(cpFile)).strip();
    int[] ports = freePorts(3);
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(dir.resolve("log"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(conf.resolve("config.yaml"), String.join("\n",
        "jobmanager.rpc.address: 127.0.0.1",
        "jobmanager.rpc.port: " + ports[0],
        "jobmanager.bind-host: 127.0.0.1",
        "jobmanager.memory.process.size: 1200m",
        "taskmanager.bind-host: 127.0.0.1",
        "taskmanager.host: 127.0.0.1",
        "taskmanager.numberOfTaskSlots: " + slots,
        "taskmanager.memory.process.size: 2g",
        "taskmanager.memory.managed.fraction: 0.1",
        "rest.address: 127.0.0.1",
        "rest.bind-address: 127.0.0.1",
        "rest.port: " + ports[1],
        "blob.server.port: " + ports[2],
        "io.tmp.dirs: " + tmp,
        "parallelism.default: " + slots,
        // A lost TaskManager is noticed within seconds, and fails the job (no restarts): the
        // fault test wants the activity run to end Failed, not to wait for a new TaskManager.
        "heartbeat.interval: 1000",
        "heartbeat.timeout: 5000",
        "restart-strategy.type: none",
        "") + "\n");
    FlinkCluster cluster = new FlinkCluster(dir, classpath, ports[1]);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.jobManager = cluster.launch("jobmanager",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
          "GET_JM_RESOURCE_PARAMS");
      cluster.startTaskManager();
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Starts another TaskManager (after {@link #killTaskManager()}) and waits until it registered. */
  public void startTaskManager() throws IOException, InterruptedException {
    taskManagers++;
    taskManager = launch("taskmanager-" + taskManagers,
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "GET_TM_RESOURCE_PARAMS");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      JsonNode list = tryGet("/taskmanagers");
      if (list != null) {
        for (JsonNode tm : list.path("taskmanagers")) {
          if (knownTaskManagers.add(tm.path("id").asText())) {
            return;
          }
        }
      }
      if (!jobManager.isAlive() || !taskManager.isAlive()) {
        throw new IllegalStateException("the Flink cluster did not start; logs in " + dir.resolve("log"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no TaskManager registered in 120 s; logs in "
            + dir.resolve("log"));
      }
      Thread.sleep(250);
    }
  }

  /** Kills the TaskManager's JVM outright (SIGKILL), as a machine loss would. */
  public void killTaskManager() throws InterruptedException {
    taskManager.destroyForcibly();
    taskManager.waitFor(30, TimeUnit.SECONDS);
  }

  /** {@code 127.0.0.1:PORT}, the value of {@code --flinkMaster}. */
  public String master() {
    return "127.0.0.1:" + restPort;
  }

  public Path dir() {
    return dir;
  }

  /** GET on the REST API: {@code /overview}, {@code /jobs/overview}, ... */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + restPort + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private JsonNode tryGet(String path) throws InterruptedException {
    try {
      return get(path);
    } catch (IOException e) {
      return null;
    }
  }

  /** The jobs the cluster knows, as Flink's {@code /jobs/overview} lists them. */
  public List<JsonNode> jobs() throws IOException, InterruptedException {
    List<JsonNode> jobs = new ArrayList<>();
    get("/jobs/overview").path("jobs").forEach(jobs::add);
    return jobs;
  }

  private Process launch(String name, String mainClass, String resourceCommand)
      throws IOException, InterruptedException {
    Path conf = dir.resolve("conf");
    List<String> result = bashJavaUtils(resourceCommand, conf);
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(words(result.get(0)));
    command.addAll(JAVA17_OPENS);
    command.add("-Dlog.file=" + dir.resolve("log/" + name + ".log"));
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.add("--configDir");
    command.add(conf.toString());
    if (result.size() > 1) {
      command.addAll(words(result.get(1)));
    }
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("log/" + name + ".log").toFile())
        .start();
    synchronized (processes) {
      processes.add(p);
    }
    return p;
  }

  /** Flink's own memory computation: the JVM flags, then the dynamic properties. */
  private List<String> bashJavaUtils(String command, Path conf) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(java(), "-cp", classpath,
        "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", conf.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
    }
    List<String> results = out.lines().filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
        .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length())).toList();
    if (results.isEmpty()) {
      throw new IllegalStateException("BashJavaUtils " + command + " printed no result:\n" + out);
    }
    return results;
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  /** Stops the TaskManagers and the JobManager (and whatever they started); waits for them. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  private void stopAll() {
    List<Process> all;
    synchronized (processes) {
      all = new ArrayList<>(processes);
    }
    for (Process p : all) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : all) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  /** Whether every process this cluster started has ended. */
  public boolean stopped() {
    synchronized (processes) {
      return processes.stream().noneMatch(Process::isAlive);
    }
  }
}
