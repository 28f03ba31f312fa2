package io.adfbeam.translator;

import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.translator.bind.DataFormats;
import io.adfbeam.translator.bind.StoreLocator;
import io.adfbeam.translator.bind.StoreMapping;
import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.plan.PathResolver;
import io.adfbeam.translator.plan.ResolvedDataset;
import io.adfbeam.translator.plan.SliceWindow;
import io.adfbeam.translator.time.V1Expressions;
import io.adfbeam.transforms.copy.CopyBehavior;
import io.adfbeam.transforms.copy.FileSink;
import io.adfbeam.transforms.copy.FileSource;
import io.adfbeam.transforms.rows.AdfRowIO;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A factory's file datasets as sources and sinks of Beam {@link Row}s, for Beam programs that use
 * ADF's dataset definitions without its activities: the dataset's folderPath and fileName are
 * resolved for a slice ({@code {Year}} from partitionedBy, {@code $$Text.Format(...)}), its
 * linked service is located through a {@link StoreMapping}, and its format, compression and
 * structure become an {@link AdfRowIO} read or write. Everything is resolved when the transform
 * is applied; nothing is listed or read until the pipeline runs.
 *
 * <pre>{@code
 * AdfFactory factory = AdfFactory.load(Path.of("my-factory"));
 * StoreMapping stores = StoreMapping.parse(List.of("StorageLinkedService=/data/blob"));
 * PCollection<Row> orders = pipeline.apply("ReadOrders", AdfDatasets.read(factory, "Orders")
 *     .forSlice(LocalDateTime.parse("2016-03-02T00:00"), LocalDateTime.parse("2016-03-03T00:00"))
 *     .withStores(stores));
 * orders.apply("WriteOrders", AdfDatasets.write(factory, "OrdersParquet")
 *     .forSlice(LocalDateTime.parse("2016-03-02T00:00"), LocalDateTime.parse("2016-03-03T00:00"))
 *     .withStores(stores));
 * }</pre>
 *
 * <p>Errors are {@link InvalidFactoryException}s located at the dataset (or its linked service
 * reference): an unknown or non-file dataset, one whose paths need a slice when none is given, a
 * v2 expression adf-beam does not evaluate, a linked service with no store, and a dataset without
 * a structure read without {@link Read#withSchema}.
 */
public final class AdfDatasets {
  private AdfDatasets() {}

  /** Reads the rows of file dataset {@code dataset}. */
  public static Read read(AdfFactory factory, String dataset) {
    return new Read(new Target(factory, dataset, null, StoreMapping.none()), null);
  }

  /** Writes rows to file dataset {@code dataset}. */
  public static Write write(AdfFactory factory, String dataset) {
    return new Write(new Target(factory, dataset, null, StoreMapping.none()), 0);
  }

  /** Reads a dataset's slice as rows: {@link AdfRowIO#read} of the resolved {@link #source()}. */
  public static final class Read extends PTransform<PBegin, PCollection<Row>> {
    private final Target target;
    private final @Nullable RowSchema schema;

    private Read(Target target, @Nullable RowSchema schema) {
      super("AdfDatasets.Read:" + target.dataset);
      this.target = target;
      this.schema = schema;
    }

    /**
     * Reads the slice [start, end) (UTC). Default: no slice, allowed only for datasets whose
     * folderPath and fileName use no slice variable.
     */
    public Read forSlice(LocalDateTime start, LocalDateTime end) {
      return new Read(target.forSlice(new SliceWindow(start, end)), schema);
    }

    /** Maps linked services to store roots. Default: none (see {@link StoreMapping}). */
    public Read withStores(StoreMapping stores) {
      return new Read(target.withStores(stores), schema);
    }

    /** The rows' schema. Default: the dataset's structure (see {@link AdfRowIO}). */
    public Read withSchema(RowSchema value) {
      return new Read(target, Objects.requireNonNull(value, "schema"));
    }

    /**
     * The files this transform reads, resolved.
     *
     * @throws InvalidFactoryException naming what cannot be resolved
     */
    public FileSource source() {
      Dataset.FileDataset d = target.dataset();
      ResolvedDataset r = target.resolve(d);
      return new FileSource(d.name(), target.folder(d, r), r.fileName().orElse(null),
          d.fileFilter().map(AdfString::text).orElse(null), true,
          d.compression().map(c -> c.type()).orElse(null),
          d.format().map(DataFormats::of).orElse(null), DataFormats.structure(d));
    }

    @Override
    public PCollection<Row> expand(PBegin input) {
      FileSource source = source();
      target.checkFormat(source.format() != null);
      AdfRowIO.Read read = AdfRowIO.read(source);
      if (schema != null) {
        read = read.withSchema(schema);
      } else if (source.structure() == null) {
        throw target.invalid(target.dataset().location(), "dataset '" + source.dataset()
            + "' has no structure: declare one, or give the rows' schema with withSchema(...)");
      }
      return input.apply("ReadRows", read);
    }
  }

  /** Writes rows to a dataset's slice: {@link AdfRowIO#write} of the resolved {@link #sink()}. */
  public static final class Write extends PTransform<PCollection<Row>, PCollection<String>> {
    private final Target target;
    private final int numShards;

    private Write(Target target, int numShards) {
      super("AdfDatasets.Write:" + target.dataset);
      this.target = target;
      this.numShards = numShards;
    }

    /**
     * Writes the slice [start, end) (UTC). Default: no slice, allowed only for datasets whose
     * folderPath and fileName use no slice variable.
     */
    public Write forSlice(LocalDateTime start, LocalDateTime end) {
      return new Write(target.forSlice(new SliceWindow(start, end)), numShards);
    }

    /** Maps linked services to store roots. Default: none (see {@link StoreMapping}). */
    public Write withStores(StoreMapping stores) {
      return new Write(target.withStores(stores), numShards);
    }

    /** How many files are written. Default: 0, as {@link AdfRowIO.Write#withNumShards}. */
    public Write withNumShards(int value) {
      return new Write(target, value);
    }

    /**
     * Where and how this transform writes, resolved.
     *
     * @throws InvalidFactoryException naming what cannot be resolved
     */
    public FileSink sink() {
      Dataset.FileDataset d = target.dataset();
      ResolvedDataset r = target.resolve(d);
      return new FileSink(d.name(), target.folder(d, r), r.fileName().orElse(null),
          d.compression().map(c -> c.type()).orElse(null),
          d.compression().flatMap(c -> c.level()).orElse(null),
          d.format().map(DataFormats::of).orElse(null), DataFormats.structure(d),
          CopyBehavior.PRESERVE_HIERARCHY);
    }

    @Override
    public PCollection<String> expand(PCollection<Row> input) {
      FileSink sink = sink();
      target.checkFormat(sink.format() != null);
      return input.apply("WriteRows", AdfRowIO.write(sink).withNumShards(numShards));
    }
  }

  /** A dataset of a factory, the slice it is resolved for and the stores it runs against. */
  private static final class Target {
    private final AdfFactory factory;
    private final String dataset;
    private final @Nullable SliceWindow slice;
    private final StoreMapping stores;

    Target(AdfFactory factory, String dataset, @Nullable SliceWindow slice, StoreMapping stores) {
      this.factory = Objects.requireNonNull(factory, "factory");
      this.dataset = Objects.requireNonNull(dataset, "dataset");
      this.slice = slice;
      this.stores = Objects.requireNonNull(stores, "stores");
    }

    Target forSlice(SliceWindow value) {
      return new Target(factory, dataset, value, stores);
    }

    Target withStores(StoreMapping value) {
      return new Target(factory, dataset, slice, value);
    }

    Dataset.FileDataset dataset() {
      Dataset d = factory.model().dataset(dataset).orElseThrow(() -> invalid(
          new SourceLocation("<embedding>", 1, 1, ""), "no dataset named '" + dataset + "'"));
      if (!(d instanceof Dataset.FileDataset f)) {
        throw invalid(d.location(), "dataset '" + d.name() + "' is of type " + d.type()
            + ", not a file dataset; only files are read and written as rows");
      }
      for (Optional<AdfString> value : List.of(f.folderPath(), f.fileName(), f.fileFilter())) {
        if (value.isPresent() && value.get().isExpression()) {
          throw invalid(f.location(), "dataset '" + f.name() + "' uses the v2 expression '"
              + value.get().text() + "', which adf-beam does not evaluate yet; give a literal path");
        }
      }
      return f;
    }

    ResolvedDataset resolve(Dataset.FileDataset d) {
      if (slice != null) {
        return PathResolver.resolve(d, slice);
      }
      boolean sliced = !d.partitionedBy().isEmpty() || Stream.of(d.folderPath(), d.fileName())
          .flatMap(Optional::stream).anyMatch(p -> V1Expressions.isExpression(p.text()));
      if (sliced) {
        throw invalid(d.location(), "dataset '" + d.name() + "' has paths that depend on the"
            + " slice (partitionedBy or a $$ function); give the slice with forSlice(start, end)");
      }
      return new ResolvedDataset(d.name(), null, d.folderPath().map(AdfString::text),
          d.fileName().map(AdfString::text));
    }

    String folder(Dataset.FileDataset d, ResolvedDataset r) {
      try {
        String root = new StoreLocator(stores).locate(d.linkedService().name(), factory.model());
        return StoreLocator.folder(root, r.folderPath().orElse(""));
      } catch (StoreLocator.UnmappedStoreException e) {
        throw invalid(d.linkedService().location(), e.getMessage());
      }
    }

    void checkFormat(boolean present) {
      if (!present) {
        Dataset.FileDataset d = dataset();
        throw invalid(d.location(), "dataset '" + d.name() + "' has no format; rows are read"
            + " and written in TextFormat, JsonFormat, AvroFormat, OrcFormat or ParquetFormat");
      }
    }

    InvalidFactoryException invalid(SourceLocation location, String message) {
      return new InvalidFactoryException(List.of(Diagnostic.error(location, message)));
    }
  }
}
