package io.adfbeam.translator.bind;

import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.model.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parsing of Azure endpoints, connection strings and store URIs. */
final class StoreEndpoint {
  private StoreEndpoint() {}

  static String withoutQuery(String uri) {
    int q = uri.indexOf('?');
    String base = q < 0 ? uri : uri.substring(0, q);
    return base.endsWith("/") ? base : base + "/";
  }

  /** The query parameters of a store URI, decoded, names in lower case. */
  static Map<String, String> query(String uri) {
    Map<String, String> params = new LinkedHashMap<>();
    int q = uri.indexOf('?');
    if (q < 0) {
      return params;
    }
    String query = uri.substring(q + 1);
    if (query.endsWith("/")) {
      query = query.substring(0, query.length() - 1);
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq).toLowerCase(Locale.ROOT),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /**
   * The account of a Blob or Gen2 endpoint: the first path segment for an emulator's path-style
   * endpoint ({@code http://127.0.0.1:10000/devstoreaccount1}), else the host's first label
   * ({@code https://ACCOUNT.blob.core.windows.net}).
   */
  static String blobAccount(URI endpoint) {
    String host = endpoint.getHost() == null ? "" : endpoint.getHost();
    String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("^/+", "");
    boolean pathStyle = host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":")
        || !host.contains(".");
    if (pathStyle) {
      String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the endpoint " + endpoint + " names no account; an"
            + " emulator's endpoint has the account as its path, as in"
            + " http://127.0.0.1:10000/devstoreaccount1");
      }
      return first;
    }
    return host.substring(0, host.indexOf('.'));
  }

  /** The endpoint of a Blob endpoint URI without path beyond the account (for path style). */
  static String blobEndpoint(URI endpoint) {
    String account = blobAccount(endpoint);
    String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("^/+", "");
    return path.startsWith(account) ? base + "/" + account : base;
  }

  /** {@code Key=Value;...} pairs, keys in lower case. */
  static Map<String, String> connectionString(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        pairs.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
            part.substring(eq + 1).trim());
      }
    }
    return pairs;
  }

  /** The account a Blob linked service names in its definition, when it names one. */
  static Optional<String> ownBlobAccount(LinkedService.AzureBlobStorage blob) {
    if (blob.connectionString().isPresent()
        && blob.connectionString().get() instanceof Secret.Inline cs) {
      Map<String, String> pairs = connectionString(cs.value());
      if (pairs.containsKey("blobendpoint")) {
        return Optional.of(blobAccount(URI.create(pairs.get("blobendpoint"))));
      }
      if (pairs.containsKey("accountname")) {
        return Optional.of(pairs.get("accountname"));
      }
      if (Boolean.parseBoolean(pairs.getOrDefault("usedevelopmentstorage", "false"))) {
        return Optional.of("devstoreaccount1");
      }
    }
    if (blob.sasUri().isPresent() && blob.sasUri().get() instanceof Secret.Inline sas) {
      return Optional.of(blobAccount(URI.create(withoutQuery(sas.value()))));
    }
    return blob.serviceEndpoint().map(e -> blobAccount(URI.create(e.trim())));
  }

  /** The host of a Gen1 account: from dataLakeStoreUri, else accountName. */
  static Optional<String> dataLakeHost(LinkedService.AzureDataLakeStore adl) {
    Optional<String> fromUri = adl.dataLakeStoreUri().map(String::trim)
        .map(u -> (u.contains("://") ? u.substring(u.indexOf("://") + 3) : u).split("/")[0]);
    return fromUri.or(() -> adl.accountName().map(a -> a + ".azuredatalakestore.net"));
  }
}
