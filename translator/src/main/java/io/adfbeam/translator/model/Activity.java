package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A pipeline activity. Every kind keeps its inputs, outputs and schedule for planning. */
public sealed interface Activity {

  String name();

  /** The {@code type} as written (trimmed). */
  String type();

  List<DatasetRef> inputs();

  List<DatasetRef> outputs();

  /** v1 {@code scheduler}; when absent, the first output's availability is the schedule. */
  Optional<Availability> scheduler();

  ActivityPolicy policy();

  /** v2 {@code dependsOn}: activities of the same pipeline this one waits for. */
  List<Reference> dependsOn();

  SourceLocation location();

  /** A Copy activity: source, sink and the copy settings. */
  record CopyActivity(
      String name,
      List<DatasetRef> inputs,
      List<DatasetRef> outputs,
      CopySource source,
      CopySink sink,
      Optional<TabularTranslator> translator,
      boolean enableSkipIncompatibleRow,
      Optional<RedirectIncompatibleRowSettings> redirectIncompatibleRowSettings,
      OptionalInt parallelCopies,
      Optional<Availability> scheduler,
      ActivityPolicy policy,
      List<Reference> dependsOn,
      SourceLocation location)
      implements Activity {
    public CopyActivity {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public String type() {
      return "Copy";
    }
  }

  /**
   * An activity adf-beam does not execute (Hive, stored procedure, ForEach, ...). It is kept with
   * its datasets so that the slices it would produce are still known to planning.
   */
  record Unsupported(
      String name,
      String type,
      String reason,
      List<DatasetRef> inputs,
      List<DatasetRef> outputs,
      Optional<Availability> scheduler,
      ActivityPolicy policy,
      List<Reference> dependsOn,
      SourceLocation location)
      implements Activity {
    public Unsupported {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /** A copy source: its type (BlobSource, ...), {@code recursive}, and its other settings as text. */
  record CopySource(
      String type, Optional<Boolean> recursive, Map<String, String> settings,
      SourceLocation location) {
    public CopySource {
      settings = Map.copyOf(settings);
    }

    /** ADF's default: read subfolders too. */
    public boolean isRecursive() {
      return recursive.orElse(true);
    }
  }

  /** A copy sink: its type (AzureDataLakeStoreSink, ...), copyBehavior and other settings. */
  record CopySink(
      String type, Optional<CopyBehavior> copyBehavior, Map<String, String> settings,
      SourceLocation location) {
    public CopySink {
      settings = Map.copyOf(settings);
    }

    /** ADF's default: PreserveHierarchy. */
    public CopyBehavior behavior() {
      return copyBehavior.orElse(CopyBehavior.PRESERVE_HIERARCHY);
    }
  }

  /** How a file sink lays out the files it writes. */
  enum CopyBehavior implements AdfEnum {
    PRESERVE_HIERARCHY("PreserveHierarchy"),
    FLATTEN_HIERARCHY("FlattenHierarchy"),
    MERGE_FILES("MergeFiles");

    private final String adfName;

    CopyBehavior(String adfName) {
      this.adfName = adfName;
    }

    @Override
    public String adfName() {
      return adfName;
    }
  }

  /** Where skipped rows are written: a linked service and a path under it. */
  record RedirectIncompatibleRowSettings(
      Reference linkedService, Optional<String> path, SourceLocation location) {}

  /**
   * A {@code TabularTranslator}: column mappings source -> sink, from the v1 string form
   * ({@code "a: x, b: y"}) or the v2 {@code mappings} list.
   */
  record TabularTranslator(List<ColumnMapping> mappings, SourceLocation location) {
    public TabularTranslator {
      mappings = List.copyOf(mappings);
    }
  }

  record ColumnMapping(String source, String sink, SourceLocation location) {}
}
