package io.adfbeam.examples.embedding;

import io.adfbeam.transforms.copy.RunOutcome;
import io.adfbeam.transforms.rows.BeamRows;
import io.adfbeam.translator.AdfCopy;
import io.adfbeam.translator.AdfDatasets;
import io.adfbeam.translator.AdfFactory;
import io.adfbeam.translator.bind.StoreMapping;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.Group;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * An ordinary Beam program that embeds adf-beam: it uses a factory's definitions without running
 * the factory. For one day it
 *
 * <ol>
 *   <li>runs the factory's Copy activity {@code DailyShop/ArchiveOrders} as a transform
 *       ({@link AdfCopy}: the day's order files, GZip-compressed into the archive dataset);
 *   <li>reads the dataset {@code DailyOrders} as Beam {@link Row}s ({@link AdfDatasets#read}: the
 *       folder, the CSV format and the column types all come from the dataset's JSON);
 *   <li>aggregates them with Beam's own schema transforms ({@link Group}): orders and total amount
 *       per region;
 *   <li>writes the result through the dataset {@code RegionTotals} ({@link AdfDatasets#write}),
 *       whose structure gives the output columns.
 * </ol>
 *
 * <p>{@code RegionTotals FACTORY STORES_FILE DAY [Beam options]}, e.g. {@code examples/embedding/factory
 * examples/embedding/local.stores 2024-03-01 --runner=FlinkRunner --flinkMaster=[local]}.
 */
public final class RegionTotals {
  private RegionTotals() {}

  /** Builds the day's pipeline on {@code pipeline}; returns the written files' paths. */
  public static PCollection<String> expand(Pipeline pipeline, AdfFactory factory, StoreMapping stores,
      LocalDate day) {
    LocalDateTime start = day.atStartOfDay();
    LocalDateTime end = start.plusDays(1);

    // 1. A Copy activity of the factory, as a transform: one outcome per slice.
    PCollection<RunOutcome> archived = pipeline.apply("ArchiveOrders",
        AdfCopy.of(factory, "DailyShop", "ArchiveOrders").forWindow(start, end).withStores(stores));
    archived.apply("FailOnCopyErrors", ParDo.of(new FailOnErrors()));

    // 2. A dataset as rows: orderId (Int64), region (String), amount (Decimal).
    PCollection<Row> orders = pipeline.apply("ReadOrders",
        AdfDatasets.read(factory, "DailyOrders").forSlice(start, end).withStores(stores));

    // 3. Beam's own transforms: per region, the number of orders and their total.
    PCollection<Row> grouped = orders.apply("PerRegion", Group.<Row>byFieldNames("region")
        .aggregateField("orderId", Count.combineFn(), "orders")
        .aggregateField("amount", new SumDecimals(), "total"));

    // 4. Rows of the output dataset's structure: region, orders, total.
    AdfDatasets.Write write = AdfDatasets.write(factory, "RegionTotals").forSlice(start, end)
        .withStores(stores).withNumShards(1);
    Schema out = BeamRows.schema(write.sink().structure());
    PCollection<Row> totals = grouped
        .apply("ToRegionTotals", MapElements.into(TypeDescriptors.rows()).via(
            (SerializableFunction<Row, Row>) g -> Row.withSchema(out).addValues(
                g.getRow("key").getString("region"),
                g.getRow("value").getInt64("orders"),
                g.getRow("value").getDecimal("total")).build()))
        .setRowSchema(out);
    return totals.apply("WriteTotals", write);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: RegionTotals FACTORY STORES_FILE DAY [Beam options]");
      System.exit(2);
    }
    AdfFactory factory = AdfFactory.load(Path.of(args[0]));
    StoreMapping stores = StoreMapping.parse(StoreMapping.readFile(Path.of(args[1])));
    PipelineOptions options = PipelineOptionsFactory.fromArgs(Arrays.copyOfRange(args, 3, args.length))
        .withValidation().create();
    Pipeline pipeline = Pipeline.create(options);
    expand(pipeline, factory, stores, LocalDate.parse(args[2]));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    System.out.println("RegionTotals " + args[2] + ": " + state);
    System.exit(state == PipelineResult.State.DONE ? 0 : 1);
  }

  /** The sum of decimal amounts (Beam's {@code Sum} has no BigDecimal form). */
  static final class SumDecimals extends Combine.BinaryCombineFn<BigDecimal> {
    @Override
    public BigDecimal apply(BigDecimal left, BigDecimal right) {
      return left.add(right);
    }

    @Override
    public BigDecimal identity() {
      return BigDecimal.ZERO;
    }
  }

  /** A Copy activity run that failed fails the job, naming its errors. */
  static final class FailOnErrors extends DoFn<RunOutcome, Void> {
    @ProcessElement
    public void process(@Element RunOutcome outcome) {
      if (!outcome.succeeded()) {
        throw new IllegalStateException(outcome.runId() + " failed: " + outcome.errors());
      }
    }
  }
}
