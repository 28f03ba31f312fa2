package io.adfbeam.transforms.stores;

import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Registers no file system: it hands the Blob account of a job's options ({@link
 * StoreOptions#getAdfBlobStore}) to {@link BlobStores} on each worker, when Beam creates the
 * worker's file systems, so that adf-beam's own folder operations on {@code azfs://} paths (listing
 * by prefix, creating containers) reach the same account as Beam's Azure file system.
 */
public final class BlobSettingsRegistrar implements FileSystemRegistrar {
  /** Created by Beam's service loading. */
  public BlobSettingsRegistrar() {}

  @Override
  public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
    BlobStores.register(options.as(StoreOptions.class).getAdfBlobStore());
    return List.of();
  }
}
