package io.adfbeam.transforms.stores;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import java.util.Map;
import org.apache.beam.sdk.io.azure.options.BlobstoreClientBuilderFactory;
import org.apache.beam.sdk.io.azure.options.BlobstoreOptions;

/**
 * Builds the Azure Blob clients of {@code azfs://} paths from {@link StoreOptions#getAdfBlobStore}:
 * an endpoint and an account key or SAS token, nothing else (Beam's default factory adds Azure's
 * default credential chain, which sends bearer tokens that fail over http and may take precedence
 * over the key). Requests are tried three times with short back-off, so a store that went away
 * fails a copy in seconds. Beam's Azure file system uses this class through {@code
 * --blobstoreClientFactoryClass}; adf-beam's own folder operations use {@link #client()}.
 */
public final class BlobStores implements BlobstoreClientBuilderFactory {
  /** Setting keys of {@link StoreOptions#getAdfBlobStore}. */
  public static final String ENDPOINT = "endpoint";

  public static final String ACCOUNT = "account";
  public static final String ACCOUNT_KEY = "accountKey";
  public static final String SAS_TOKEN = "sasToken";

  private static volatile Map<String, String> current;
  private static volatile BlobServiceClient client;

  /** Created by Beam's Azure file system. */
  public BlobStores() {}

  @Override
  public BlobServiceClientBuilder createBuilder(BlobstoreOptions options) {
    Map<String, String> settings = options.as(StoreOptions.class).getAdfBlobStore();
    if (settings == null) {
      throw new IllegalStateException("no Azure Blob storage account is configured for azfs://"
          + " paths; map the linked service with --store");
    }
    register(settings);
    return builder(settings);
  }

  /** Remembers the settings this worker's file systems were created with. */
  static synchronized void register(Map<String, String> settings) {
    if (settings != null && !settings.equals(current)) {
      current = Map.copyOf(settings);
      client = null;
    }
  }

  static BlobServiceClientBuilder builder(Map<String, String> s) {
    BlobServiceClientBuilder b = new BlobServiceClientBuilder().endpoint(s.get(ENDPOINT));
    if (s.get(ACCOUNT_KEY) != null) {
      b.credential(new StorageSharedKeyCredential(s.get(ACCOUNT), s.get(ACCOUNT_KEY)));
    } else if (s.get(SAS_TOKEN) != null) {
      b.sasToken(s.get(SAS_TOKEN));
    }
    return b.retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3,
        Duration.ofSeconds(120), Duration.ofMillis(500), Duration.ofSeconds(4), null));
  }

  /** The settings of the account {@code azfs://} paths reach on this worker. */
  static Map<String, String> current() {
    Map<String, String> c = current;
    if (c == null) {
      throw new IllegalStateException("no Azure Blob storage account is configured for azfs://"
          + " paths; map the linked service with --store");
    }
    return c;
  }

  /** The client of the account {@code azfs://} paths reach on this worker. */
  static BlobServiceClient client() {
    BlobServiceClient c = client;
    if (c == null) {
      synchronized (BlobStores.class) {
        if (current == null) {
          throw new IllegalStateException("no Azure Blob storage account is configured for"
              + " azfs:// paths; map the linked service with --store");
        }
        c = client;
        if (c == null) {
          c = builder(current).buildClient();
          client = c;
        }
      }
    }
    return c;
  }
}
