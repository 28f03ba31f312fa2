package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.compression.Codecs;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.tests.servers.AzuriteServer;
import io.adfbeam.transforms.copy.CopyFiles;
import io.adfbeam.transforms.copy.CopyMetrics;
import io.adfbeam.transforms.copy.CopySettings;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.DataFormat;
import io.adfbeam.transforms.copy.FileSink;
import io.adfbeam.transforms.copy.FileSource;
import io.adfbeam.transforms.copy.RunOutcome;
import io.adfbeam.transforms.stores.StoreSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split copies on Azurite's Blob service ({@code azfs://}): the parts are read through Beam's
 * seekable channels, written and joined through Beam's file systems (no local fast path), and
 * nothing of the staging or the parts is left in the container.
 */
class AzureSplitCopyTest {
  private static final Map<String, RunOutcome> OUTCOMES = new ConcurrentHashMap<>();
  private static final RowSchema SCHEMA =
      RowSchema.of(Field.of("id", AdfType.INT64), Field.of("name", AdfType.STRING));
  private static final int ROWS = 20_000;

  static AzuriteServer azurite;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws IOException {
    azurite = AzuriteServer.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (azurite != null) {
      azurite.close();
    }
  }

  static final class CollectFn extends DoFn<RunOutcome, Void> {
    @ProcessElement
    public void process(@Element RunOutcome outcome) {
      OUTCOMES.put(outcome.runId(), outcome);
    }
  }

  private static String azfs(String path) {
    return "azfs://" + AzuriteServer.ACCOUNT + "/split/" + path;
  }

  @Test
  void partsAreReadWrittenAndJoinedThroughBeamFileSystems() throws Exception {
    BlobContainerClient container = azurite.client().getBlobContainerClient("split");
    container.create();
    Path parquet = temp.resolve("data.parquet");
    try (RowWriter w = ColumnarFormat.PARQUET.writer(Files.newOutputStream(parquet), SCHEMA,
        parquet.toString(), 16 << 10)) {
      for (long i = 0; i < ROWS; i++) {
        w.write(new Object[] {i, "name " + i});
      }
    }
    container.getBlobClient("in-parquet/data.parquet").uploadFromFile(parquet.toString());
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append(i).append(",name ").append(i).append('\n');
    }
    byte[] csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    container.getBlobClient("in-csv/data.csv")
        .upload(new ByteArrayInputStream(csvBytes), csvBytes.length);

    TextFormatOptions header = TextFormatOptions.defaults().withFirstRowAsHeader(true);
    CopySettings split = CopySettings.DEFAULT.withSplitBytes(Files.size(parquet) / 4);
    CopyTask toOrc = new CopyTask("orc",
        FileSource.of("In", azfs("in-parquet/")).withFormat(new DataFormat.Parquet()),
        FileSink.of("Out", azfs("out-orc/")).withFormat(new DataFormat.Orc()), 0, split);
    CopyTask toGzip = new CopyTask("gzip", FileSource.of("In", azfs("in-csv/")).withText(header),
        FileSink.of("Out", azfs("out-gzip/")).withText(header)
            .withCompression(CompressionType.GZIP, null),
        0, CopySettings.DEFAULT.withSplitBytes(csvBytes.length / 5));

    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    new StoreSettings().withBlob(azurite.endpoint(), AzuriteServer.ACCOUNT, AzuriteServer.KEY, null)
        .applyTo(options);
    Pipeline p = Pipeline.create(options);
    p.apply(Create.of(List.of(toOrc, toGzip)).withCoder(SerializableCoder.of(CopyTask.class)))
        .apply(CopyFiles.create())
        .apply(ParDo.of(new CollectFn()));
    PipelineResult result = p.run();
    assertThat(result.waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);

    for (String run : List.of("orc", "gzip")) {
      assertThat(OUTCOMES.get(run).errors()).as(run).isEmpty();
      assertThat(counter(result, run, CopyMetrics.SPLIT_PARTS)).as(run).isGreaterThan(2);
      assertThat(counter(result, run, CopyMetrics.FILES_WRITTEN)).as(run).isEqualTo(1);
      assertThat(counter(result, run, CopyMetrics.ROWS_COPIED)).as(run).isEqualTo(ROWS);
    }
    assertThat(AzureStoresTest.blobNames(container, "")).containsExactlyInAnyOrder(
        "in-parquet/data.parquet", "in-csv/data.csv", "out-orc/data.parquet",
        "out-orc/.adf-beam/" + manifest(container, "out-orc/"),
        "out-gzip/data.csv.gz", "out-gzip/.adf-beam/" + manifest(container, "out-gzip/"));

    Path orc = temp.resolve("out.orc");
    container.getBlobClient("out-orc/data.parquet").downloadToFile(orc.toString());
    try (RowReader r = ColumnarFormat.ORC.reader(SeekableInput.of(orc))) {
      for (long i = 0; i < ROWS; i++) {
        assertThat(r.next()).containsExactly(i, "name " + i);
      }
      assertThat(r.next()).isNull();
    }
    byte[] gz = container.getBlobClient("out-gzip/data.csv.gz").downloadContent().toBytes();
    try (InputStream in = Codecs.decompress(new ByteArrayInputStream(gz), CompressionType.GZIP)) {
      assertThat(in.readAllBytes()).isEqualTo(csvBytes);
    }
  }

  /** The name of the one manifest in {@code folder}'s hidden folder (nothing else is left there). */
  private static String manifest(BlobContainerClient c, String folder) {
    List<String> names = AzureStoresTest.blobNames(c, folder + ".adf-beam/");
    assertThat(names).hasSize(1);
    assertThat(names.get(0)).endsWith(".manifest");
    return names.get(0).substring((folder + ".adf-beam/").length());
  }

  private static long counter(PipelineResult result, String runId, String metric) {
    long sum = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(CopyMetrics.NAMESPACE,
            CopyMetrics.name(runId, metric))).build()).getCounters()) {
      sum += c.getCommitted();
    }
    return sum;
  }
}
