package io.adfbeam.translator.bind;

import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.transforms.stores.PlainHttpAdlFileSystem;
import io.adfbeam.transforms.stores.StoreSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a run reaches the Azure stores of its datasets: the endpoint and credentials of each linked
 * service that resolves to {@code azfs://}, {@code adl://} or {@code abfs://}, as {@link
 * StoreSettings} for the Beam job, with the credentials taken from the definitions, or from the
 * user's {@link SecretValues}.
 *
 * <ul>
 *   <li>Blob ({@code AzureStorage}, {@code AzureBlobStorage}): a connection string with {@code
 *       AccountName} and {@code AccountKey} or {@code SharedAccessSignature} (and {@code
 *       BlobEndpoint} or {@code EndpointSuffix}), a {@code sasUri}, or a v2 {@code accountKey}.
 *       Beam's Azure file system reaches one account per job: two linked services that need
 *       different accounts or credentials are refused, naming both.
 *   <li>Data Lake Store Gen1: service principal ({@code servicePrincipalId}, {@code
 *       servicePrincipalKey}, {@code tenant}) as OAuth client credentials against {@code
 *       https://login.microsoftonline.com/TENANT/oauth2/token}; a store URI's {@code
 *       ?aadAuthority=URL} names another authority (a sovereign cloud's, or a local one).
 *   <li>Gen2 ({@code AzureBlobFS}): account key, or service principal likewise.
 * </ul>
 */
public final class StoreConnections {
  /** Where Azure AD issues tokens unless a store URI's {@code aadAuthority} says otherwise. */
  static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";

  private StoreConnections() {}

  /**
   * The connections of a set of bound runs.
   *
   * @param settings what the Beam job needs
   * @param secrets every credential value in use, to be masked in all output
   * @param linkedServiceByRoot the linked service of each store root, for messages
   */
  public record Result(StoreSettings settings, Set<String> secrets,
      Map<String, String> linkedServiceByRoot) {}

  /**
   * Resolves the stores of {@code runs}.
   *
   * @throws IllegalArgumentException with a message naming the linked service(s) when a store
   *     cannot be reached as given: a Key Vault secret with no value, two Blob accounts, a missing
   *     credential
   */
  public static Result connect(Factory factory, List<BoundRun> runs, StoreMapping mapping,
      SecretValues secrets) {
    Set<String> names = new LinkedHashSet<>();
    for (BoundRun run : runs) {
      names.addAll(linkedServices(factory, run.run()));
    }
    StoreSettings settings = new StoreSettings();
    Set<String> used = new LinkedHashSet<>(secrets.values());
    Map<String, String> byRoot = new LinkedHashMap<>();
    String blobOwner = null;
    Map<String, String> blobSettings = null;
    for (String name : names) {
      Optional<LinkedService> found = factory.linkedService(name);
      if (found.isEmpty()) {
        continue;
      }
      LinkedService ls = found.get();
      Optional<String> mapped = mapping.root(name);
      String root;
      if (mapped.isPresent()) {
        root = StoreLocator.mappedRoot(ls, mapped.get());
      } else {
        Optional<String> own = StoreLocator.ownRoot(ls);
        if (own.isEmpty()) {
          continue;
        }
        root = own.get();
      }
      String target = mapped.orElse(null);
      String scheme = StoreLocator.scheme(root);
      if (scheme.equals("azfs") && ls instanceof LinkedService.AzureBlobStorage blob) {
        Map<String, String> s = blob(blob, root, target, secrets, used);
        if (blobSettings != null && !blobSettings.equals(s)) {
          throw new IllegalArgumentException("linked services '" + blobOwner + "' and '"
              + ls.name() + "' are two Azure Blob storage accounts (or one account with two"
              + " credentials), and Beam's Azure file system reaches one account per job;"
              + " adf-beam refuses rather than copy to the wrong account: run their activities"
              + " separately (--pipeline), or map one of them elsewhere with --store");
        }
        blobSettings = s;
        byRoot.put(root, ls.name());
        blobOwner = ls.name();
        settings.withBlob(s.get("endpoint"), s.get("account"), s.get("accountKey"),
            s.get("sasToken"));
      } else if (scheme.equals("adl") && ls instanceof LinkedService.AzureDataLakeStore adl) {
        settings.withHadoop(storeKey(root), dataLake(adl, root, target, secrets, used));
        byRoot.put(root, ls.name());
      } else if ((scheme.equals("abfs") || scheme.equals("abfss"))
          && ls instanceof LinkedService.AzureBlobFs abfs) {
        settings.withHadoop(storeKey(root), blobFs(abfs, root, target, secrets, used));
        byRoot.put(root, ls.name());
      }
    }
    used.removeIf(Objects::isNull);
    return new Result(settings, used, byRoot);
  }

  private static Set<String> linkedServices(Factory factory, ActivityRun run) {
    Set<String> names = new LinkedHashSet<>();
    factory.pipeline(run.pipeline()).flatMap(p -> p.activity(run.activity())).ifPresent(a -> {
      if (a instanceof io.adfbeam.translator.model.Activity.CopyActivity copy) {
        copy.inputs().forEach(d -> addLinkedService(factory, d.name(), names));
        copy.outputs().forEach(d -> addLinkedService(factory, d.name(), names));
      }
    });
    return names;
  }

  private static void addLinkedService(Factory factory, String dataset, Set<String> names) {
    factory.dataset(dataset).filter(d -> d instanceof Dataset.FileDataset)
        .map(d -> ((Dataset.FileDataset) d).linkedService().name()).ifPresent(names::add);
  }

  /** {@code scheme://authority} of a root. */
  private static String storeKey(String root) {
    return StoreLocator.scheme(root) + "://" + StoreLocator.authority(root);
  }

  private static Map<String, String> blob(LinkedService.AzureBlobStorage ls, String root,
      String target, SecretValues secrets, Set<String> used) {
    String name = ls.name();
    Map<String, String> pairs = secrets.resolve(name, "connectionString", ls.connectionString())
        .map(cs -> {
          used.add(cs);
          return StoreEndpoint.connectionString(cs);
        }).orElse(new LinkedHashMap<>());
    String account = StoreLocator.authority(root);
    Optional<String> sasUri = secrets.resolve(name, "sasUri", ls.sasUri());
    sasUri.ifPresent(used::add);
    String endpoint;
    if (target != null && StoreLocator.scheme(target).startsWith("http")) {
      endpoint = StoreEndpoint.blobEndpoint(URI.create(StoreEndpoint.withoutQuery(target)));
    } else if (pairs.containsKey("blobendpoint")
        && StoreEndpoint.blobAccount(URI.create(pairs.get("blobendpoint"))).equals(account)) {
      endpoint = pairs.get("blobendpoint").replaceAll("/+$", "");
    } else if (sasUri.isPresent()) {
      endpoint = StoreEndpoint.withoutQuery(sasUri.get()).replaceAll("/+$", "");
    } else if (ls.serviceEndpoint().isPresent()) {
      endpoint = ls.serviceEndpoint().get().trim().replaceAll("/+$", "");
    } else {
      endpoint = pairs.getOrDefault("defaultendpointsprotocol", "https") + "://" + account
          + ".blob." + pairs.getOrDefault("endpointsuffix", "core.windows.net");
    }
    String key = secrets.get(name + ".accountKey")
        .or(() -> secrets.resolve(name, "accountKey", ls.accountKey()))
        .or(() -> Optional.ofNullable(pairs.get("accountkey"))).orElse(null);
    String sas = secrets.get(name + ".sasToken")
        .or(() -> Optional.ofNullable(pairs.get("sharedaccesssignature")))
        .or(() -> sasUri.filter(u -> u.contains("?")).map(u -> u.substring(u.indexOf('?') + 1)))
        .orElse(null);
    if (key == null && sas == null) {
      throw new IllegalArgumentException("linked service '" + name + "' gives no account key or"
          + " SAS token; give one in the definition, or with --secret " + name
          + ".accountKey=env:VARIABLE (or " + name + ".sasToken=...)");
    }
    used.add(key);
    used.add(sas);
    Map<String, String> s = new LinkedHashMap<>();
    s.put("endpoint", endpoint);
    s.put("account", account);
    if (key != null) {
      s.put("accountKey", key);
    } else {
      s.put("sasToken", sas);
    }
    return s;
  }

  private static String authority(String target) {
    return target == null ? DEFAULT_AUTHORITY
        : StoreEndpoint.query(target).getOrDefault("aadauthority", DEFAULT_AUTHORITY)
            .replaceAll("/+$", "");
  }

  private static String tokenUrl(String authority, String tenant) {
    return authority + "/" + URLEncoder.encode(tenant.trim(), StandardCharsets.UTF_8)
        .replace("+", "%20") + "/oauth2/token";
  }

  private static Map<String, String> dataLake(LinkedService.AzureDataLakeStore ls, String root,
      String target, SecretValues secrets, Set<String> used) {
    String name = ls.name();
    Map<String, String> conf = new LinkedHashMap<>();
    if (target != null && StoreLocator.scheme(target).equals("http")) {
      conf.put("fs.adl.impl", PlainHttpAdlFileSystem.class.getName());
    }
    String key = secrets.resolve(name, "servicePrincipalKey", ls.servicePrincipalKey())
        .orElseThrow(() -> new IllegalArgumentException("linked service '" + name + "' gives no"
            + " servicePrincipalKey; give it with --secret " + name
            + ".servicePrincipalKey=env:VARIABLE"));
    used.add(key);
    conf.put("fs.adl.oauth2.access.token.provider.type", "ClientCredential");
    conf.put("fs.adl.oauth2.client.id", ls.servicePrincipalId().orElse(""));
    conf.put("fs.adl.oauth2.credential", key);
    conf.put("fs.adl.oauth2.refresh.url", tokenUrl(authority(target), ls.tenant().orElse("")));
    return conf;
  }

  private static Map<String, String> blobFs(LinkedService.AzureBlobFs ls, String root,
      String target, SecretValues secrets, Set<String> used) {
    String name = ls.name();
    String host = StoreLocator.authority(root);
    host = host.substring(host.indexOf('@') + 1);
    String account = host.split("\\.")[0];
    Map<String, String> conf = new LinkedHashMap<>();
    if (target != null && StoreLocator.scheme(target).startsWith("http")) {
      // Blob-endpoint mode (no hierarchical namespace): what an emulator's Blob service serves.
      URI endpoint = URI.create(StoreEndpoint.withoutQuery(target));
      conf.put("fs.azure.abfs.endpoint", endpoint.getRawAuthority());
      conf.put("fs.azure.always.use.https", String.valueOf(endpoint.getScheme().equals("https")));
      conf.put("fs.azure.account.hns.enabled", "false");
      conf.put("fs.azure.fns.account.service.type", "BLOB");
      conf.put("fs.azure.ingress.service.type", "BLOB");
      conf.put("fs.azure.createRemoteFileSystemDuringInitialization", "true");
    }
    Optional<String> key = secrets.resolve(name, "accountKey", ls.accountKey());
    if (key.isPresent()) {
      used.add(key.get());
      conf.put("fs.azure.account.auth.type", "SharedKey");
      conf.put("fs.azure.account.key." + host, key.get());
      return conf;
    }
    Optional<String> spKey = secrets.resolve(name, "servicePrincipalKey", ls.servicePrincipalKey());
    if (spKey.isEmpty() || ls.servicePrincipalId().isEmpty()) {
      throw new IllegalArgumentException("linked service '" + name + "' gives neither an account"
          + " key nor a service principal; give one, or --secret " + name
          + ".accountKey=env:VARIABLE");
    }
    used.add(spKey.get());
    conf.put("fs.azure.account.auth.type", "OAuth");
    conf.put("fs.azure.account.oauth.provider.type",
        "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider");
    conf.put("fs.azure.account.oauth2.client.endpoint",
        tokenUrl(authority(target), ls.tenant().orElse("")));
    conf.put("fs.azure.account.oauth2.client.id", ls.servicePrincipalId().get());
    conf.put("fs.azure.account.oauth2.client.secret", spKey.get());
    return conf;
  }

  /** A readable name of the linked service a path is on, if known. */
  static Optional<String> linkedServiceOf(String path, Map<String, String> byRoot) {
    List<String> roots = new ArrayList<>(byRoot.keySet());
    roots.sort((a, b) -> b.length() - a.length());
    for (String root : roots) {
      if (path.toLowerCase(Locale.ROOT).startsWith(root.toLowerCase(Locale.ROOT))) {
        return Optional.of(byRoot.get(root));
      }
    }
    return Optional.empty();
  }
}
