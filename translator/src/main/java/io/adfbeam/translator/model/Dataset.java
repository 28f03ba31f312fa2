package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A dataset: where the data of a slice lies and how it is encoded. */
public sealed interface Dataset extends Resource {

  /** The {@code type} as written (trimmed): AzureBlob, DelimitedText, ... */
  String type();

  AdfVersion version();

  /** The linked service the dataset's data lives in. */
  Reference linkedService();

  /** The slice schedule (v1); v2 datasets have none. */
  Optional<Availability> availability();

  /** v1 {@code external}: produced outside the factory, so its slices are waited for. */
  boolean external();

  DatasetPolicy policy();

  List<Column> structure();

  /** v2 dataset parameters, by name, with their declared type and default value (unevaluated). */
  Map<String, Parameter> parameters();

  /**
   * A dataset of files (v1 AzureBlob, AzureDataLakeStore, FileShare; v2 DelimitedText, Json,
   * Avro, Orc, Parquet, Binary with a file {@code location}).
   */
  record FileDataset(
      String name,
      String type,
      AdfVersion version,
      Reference linkedService,
      Optional<AdfString> folderPath,
      Optional<AdfString> fileName,
      Optional<AdfString> fileFilter,
      List<Partition> partitionedBy,
      Optional<Format> format,
      Optional<Compression> compression,
      List<Column> structure,
      Optional<Availability> availability,
      boolean external,
      DatasetPolicy policy,
      Map<String, Parameter> parameters,
      SourceLocation location)
      implements Dataset {
    public FileDataset {
      partitionedBy = List.copyOf(partitionedBy);
      structure = List.copyOf(structure);
      parameters = Parameter.copyOf(parameters);
    }
  }

  /** A dataset of a kind adf-beam does not copy (SQL tables, ...): kept with its type. */
  record Unsupported(
      String name,
      String type,
      AdfVersion version,
      Reference linkedService,
      List<Column> structure,
      Optional<Availability> availability,
      boolean external,
      DatasetPolicy policy,
      Map<String, Parameter> parameters,
      SourceLocation location)
      implements Dataset {
    public Unsupported {
      structure = List.copyOf(structure);
      parameters = Parameter.copyOf(parameters);
    }
  }
}
