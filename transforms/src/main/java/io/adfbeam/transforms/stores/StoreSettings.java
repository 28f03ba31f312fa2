package io.adfbeam.transforms.stores;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.io.azure.options.BlobstoreOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The stores one job reaches and how: at most one Azure Blob account for {@code azfs://} paths
 * (Beam's Azure file system uses one account whatever a path names), and a Hadoop configuration
 * per {@code adl://} or {@code abfs://} store. {@link #applyTo} puts them into the pipeline
 * options, from which every worker builds its file systems.
 */
public final class StoreSettings {
  private @Nullable Map<String, String> blob;
  private final Map<String, Map<String, String>> hadoop = new LinkedHashMap<>();

  /** Settings with no store. */
  public StoreSettings() {}

  /**
   * Sets the Blob account of {@code azfs://} paths: its endpoint ({@code
   * https://ACCOUNT.blob.core.windows.net}, or an emulator's {@code http://127.0.0.1:PORT/ACCOUNT})
   * and an account key or a SAS token (one of them may be null).
   */
  public StoreSettings withBlob(String endpoint, String account, @Nullable String accountKey,
      @Nullable String sasToken) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(BlobStores.ENDPOINT, endpoint);
    s.put(BlobStores.ACCOUNT, account);
    if (accountKey != null) {
      s.put(BlobStores.ACCOUNT_KEY, accountKey);
    }
    if (sasToken != null) {
      s.put(BlobStores.SAS_TOKEN, sasToken.startsWith("?") ? sasToken.substring(1) : sasToken);
    }
    blob = s;
    return this;
  }

  /** Adds a Hadoop-backed store: its root {@code scheme://authority} and its configuration. */
  public StoreSettings withHadoop(String schemeAndAuthority, Map<String, String> properties) {
    hadoop.put(schemeAndAuthority, Map.copyOf(properties));
    return this;
  }

  /** The Blob account settings, if any. */
  public @Nullable Map<String, String> blob() {
    return blob;
  }

  /** The Hadoop-backed stores, by {@code scheme://authority}. */
  public Map<String, Map<String, String>> hadoop() {
    return hadoop;
  }

  /** Puts the settings into {@code options} for every worker. */
  public void applyTo(PipelineOptions options) {
    StoreOptions stores = options.as(StoreOptions.class);
    if (blob != null) {
      stores.setAdfBlobStore(blob);
      options.as(BlobstoreOptions.class).setBlobstoreClientFactoryClass(BlobStores.class);
    }
    if (!hadoop.isEmpty()) {
      stores.setAdfHadoopStores(hadoop);
    }
  }
}
