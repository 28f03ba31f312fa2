package io.adfbeam.transforms.stores;

import com.microsoft.azure.datalake.store.ADLStoreOptions;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.adl.AdlFileSystem;

/**
 * The Data Lake Store Gen1 file system over plain http, for a WebHDFS-compatible server on the
 * local machine or a private network ({@code --store NAME=http://host:port}). The Azure SDK under
 * {@link AdlFileSystem} turns on its insecure transport when the transport scheme is http. Real
 * Data Lake Store accounts are reached over https with {@link AdlFileSystem} itself.
 *
 * <p>A local server answers at once or not at all, so requests are retried twice with short
 * back-off ({@value #RETRIES_KEY}, default 2) rather than the SDK's four times over about 85 s.
 */
public class PlainHttpAdlFileSystem extends AdlFileSystem {
  /** Created by Hadoop from {@code fs.adl.impl}. */
  public PlainHttpAdlFileSystem() {}

  /** How many times a failed request is tried again. */
  public static final String RETRIES_KEY = "adfbeam.adl.http.retries";

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    getAdlClient().setOptions(new ADLStoreOptions().setInsecureTransport()
        .enableThrowingRemoteExceptions().setMaxRetries(conf.getInt(RETRIES_KEY, 2))
        .setExponentialRetryInterval(250).setExponentialFactor(2));
  }

  @Override
  protected String getTransportScheme() {
    return "http";
  }
}
