package io.adfbeam.tests.servers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real WebHDFS server (Hadoop's MiniDFSCluster, one DataNode) standing in for Data Lake Store
 * Gen1, reached by the real {@code adl://} client over plain http, plus what Gen1 has around it:
 *
 * <ul>
 *   <li>an OAuth 2.0 token endpoint ({@link #authority()}{@code /TENANT/oauth2/token}) that issues
 *       a bearer token for one service principal (client id and secret) and answers 401 {@code
 *       invalid_client} otherwise, as Azure AD does;
 *   <li>a front proxy ({@link #endpoint()}) that rejects requests without that bearer token (401),
 *       follows WebHDFS's NameNode-to-DataNode redirects itself (Gen1 has none), and sends every
 *       body with a Content-Length (WebHDFS sends error bodies chunked, which the ADL SDK cannot
 *       read, so a missing file would not read as 404), and with a binary content type (the ADL
 *       client sends data as a form, which WebHDFS's Jetty parses).
 * </ul>
 *
 * <p>Not covered: Gen1-only operations (CONCURRENTAPPEND, MSCONCAT, SETEXPIRY, ACLs), leases,
 * paging of long listings, Gen1's throttling and error codes, TLS.
 */
public final class WebHdfsServer implements AutoCloseable {
  private final MiniDFSCluster cluster;
  private final HttpServer proxy;
  private final HttpServer tokens;
  private final String clientId;
  private volatile String clientSecret;
  private final String token = "token-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final int nameNodeHttpPort;

  private WebHdfsServer(MiniDFSCluster cluster, String clientId, String clientSecret)
      throws IOException {
    this.cluster = cluster;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.nameNodeHttpPort = cluster.getNameNode().getHttpAddress().getPort();
    proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    proxy.setExecutor(Executors.newFixedThreadPool(16, daemon("webhdfs-proxy")));
    proxy.createContext("/", this::forward);
    proxy.start();
    tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    tokens.setExecutor(Executors.newFixedThreadPool(2, daemon("aad-token")));
    tokens.createContext("/", this::issueToken);
    tokens.start();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Starts the cluster in {@code base} with a token endpoint for the service principal {@code
   * clientId} / {@code clientSecret}. Needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}.
   */
  public static WebHdfsServer start(Path base, String clientId, String clientSecret)
      throws IOException {
    // Jetty (relocated in the shaded minicluster) rejects request bodies over about 200 KB as
    // forms unless allowed: the ADL client appends up to 4 MB per request.
    for (String jetty : List.of("org.eclipse.jetty", "org.apache.hadoop.shaded.org.eclipse.jetty")) {
      System.setProperty(jetty + ".server.Request.maxFormContentSize", "67108864");
    }
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toAbsolutePath().toString());
    conf.setBoolean("dfs.webhdfs.enabled", true);
    conf.setInt("dfs.replication", 1);
    conf.set("dfs.client.block.write.replace-datanode-on-failure.enable", "false");
    conf.setBoolean("dfs.permissions.enabled", false);
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("hadoop.http.staticuser.user", System.getProperty("user.name"));
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).nameNodePort(0)
        .nameNodeHttpPort(0).build();
    cluster.waitActive();
    return new WebHdfsServer(cluster, clientId, clientSecret);
  }

  /** The Gen1 endpoint over plain http: {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getAddress().getPort();
  }

  /** The Azure AD authority whose {@code /TENANT/oauth2/token} issues tokens. */
  public String authority() {
    return "http://127.0.0.1:" + tokens.getAddress().getPort();
  }

  /** The HDFS behind, for setting up and checking ({@code /path} is {@code adl://HOST/path}). */
  public FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  private void issueToken(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1),
            StandardCharsets.UTF_8));
      }
    }
    boolean ok = exchange.getRequestURI().getPath().endsWith("/oauth2/token")
        && "client_credentials".equals(form.get("grant_type"))
        && clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
    String json = ok
        ? "{\"token_type\":\"Bearer\",\"expires_in\":\"3600\",\"ext_expires_in\":\"3600\","
            + "\"expires_on\":\"" + (System.currentTimeMillis() / 1000 + 3600) + "\","
            + "\"access_token\":\"" + token + "\"}"
        : "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
            + " secret provided.\"}";
    respond(exchange, ok ? 200 : 401, json.getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", List.of("application/json")));
  }

  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection",
      "expect", "upgrade", "transfer-encoding", "authorization", "keep-alive");

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.equals("Bearer " + token)) {
        respond(exchange, 401, ("{\"RemoteException\":{\"exception\":\"AccessControlException\","
            + "\"javaClassName\":\"org.apache.hadoop.security.AccessControlException\","
            + "\"message\":\"Unauthorized: the bearer token is missing or invalid\"}}")
            .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type",
            List.of("application/json")));
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      URI target = URI.create("http://127.0.0.1:" + nameNodeHttpPort
          + exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? ""
              : "?" + withUser(exchange.getRequestURI().getRawQuery())));
      HttpResponse<byte[]> response = send(exchange, method, target, body);
      for (int hops = 0; hops < 3 && response.statusCode() == 307; hops++) {
        target = URI.create(response.headers().firstValue("Location").orElseThrow());
        response = send(exchange, method, target, body);
      }
      Map<String, List<String>> headers = new HashMap<>();
      response.headers().map().forEach((k, v) -> {
        if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
          headers.put(k, v);
        }
      });
      respond(exchange, response.statusCode(), response.body(), headers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String withUser(String query) {
    return query.contains("user.name=") ? query
        : query + "&user.name=" + System.getProperty("user.name");
  }

  private HttpResponse<byte[]> send(HttpExchange exchange, String method, URI target, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5))
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((k, v) -> {
      String name = k.toLowerCase(Locale.ROOT);
      if (!NOT_FORWARDED.contains(name) && !name.equals("content-type")) {
        v.forEach(value -> request.header(k, value));
      }
    });
    // The ADL client sends data with HttpURLConnection's default form content type; Gen1 takes
    // the body as bytes, while WebHDFS's Jetty would parse it as a form (and reject binary data).
    request.header("Content-Type", "application/octet-stream");
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void respond(HttpExchange exchange, int status, byte[] body,
      Map<String, List<String>> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
    boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() throws IOException {
    proxy.stop(0);
    tokens.stop(0);
    cluster.shutdown(true);
  }
}
