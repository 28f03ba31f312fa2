package io.adfbeam.transforms.stores;

import java.util.Map;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The stores a job reaches, as pipeline options, so that every worker of every runner builds the
 * same file systems: Beam creates its file systems from the pipeline options on each worker.
 * Filled by {@link StoreSettings#applyTo}; not meant to be given on the command line.
 *
 * <p>The values hold credentials. Beam serializes pipeline options to ship them to workers, as it
 * does its own {@code azureConnectionString}; adf-beam never prints them.
 */
public interface StoreOptions extends PipelineOptions {

  /**
   * The one Azure Blob storage account {@code azfs://} paths reach: {@code endpoint}, {@code
   * account}, and {@code accountKey} or {@code sasToken}.
   */
  @Description("adf-beam internal: the Azure Blob account of azfs:// paths")
  Map<String, String> getAdfBlobStore();

  void setAdfBlobStore(Map<String, String> value);

  /**
   * Hadoop configuration properties per Hadoop-backed store, keyed by {@code scheme://authority}
   * ({@code adl://account.azuredatalakestore.net}, {@code abfs://container@account...}).
   */
  @Description("adf-beam internal: Hadoop configuration per adl:// and abfs:// store")
  Map<String, Map<String, String>> getAdfHadoopStores();

  void setAdfHadoopStores(Map<String, Map<String, String>> value);
}
