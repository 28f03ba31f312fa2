package org.apache.beam.sdk.io.hdfs;

import io.adfbeam.transforms.stores.HadoopStores;
import io.adfbeam.transforms.stores.StoreOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Registers adf-beam's Hadoop-backed stores ({@code adl://}, {@code abfs://}) with Beam, each
 * store with a Hadoop configuration of its own ({@link StoreOptions#getAdfHadoopStores}). Beam's
 * own {@link HadoopFileSystemRegistrar} takes one configuration for all and registers only the
 * scheme of its {@code fs.defaultFS}, so two Data Lake accounts, or Gen1 and Gen2, could not share
 * a job. This class lives in Beam's package because {@link HadoopFileSystem} is package-private.
 */
public final class AdfHadoopFileSystemRegistrar implements FileSystemRegistrar {

  /** Created by Beam's service loading. */
  public AdfHadoopFileSystemRegistrar() {}

  @Override
  public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
    Map<String, Map<String, String>> stores = options.as(StoreOptions.class).getAdfHadoopStores();
    List<FileSystem<?>> systems = new ArrayList<>();
    if (stores == null || stores.isEmpty()) {
      return systems;
    }
    for (String scheme : HadoopStores.register(stores)) {
      systems.add(new AuthorityRoutingFileSystem(scheme));
    }
    return systems;
  }
}
