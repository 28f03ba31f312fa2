package io.adfbeam.translator.load;

import static io.adfbeam.translator.Fixtures.file;
import static io.adfbeam.translator.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules the loader checks inside one resource: each fixture is one resource file with one kind of
 * mistake, and the loader must report exactly these diagnostics, located to line, column and JSON
 * pointer. (Cross-resource rules are in {@code FactoryValidatorTest}.)
 */
class LoaderDiagnosticsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        loaderCase("malformed-json", "dataset.json",
            "5:5 /properties/type: malformed JSON: Unexpected character ('\"' (code 34)): was"
                + " expecting comma to separate Object entries"),
        loaderCase("missing-folder-path", "dataset.json",
            "6:23 /properties/typeProperties: missing required property 'folderPath'; an AzureBlob"
                + " dataset needs the folder (for Blob: container/folder) its files are in"),
        loaderCase("missing-availability", "dataset.json",
            "3:17 /properties: missing required property 'availability'; a v1 dataset needs its"
                + " slice schedule, e.g. {\"frequency\": \"Hour\", \"interval\": 1}"),
        loaderCase("missing-linked-service-name", "dataset.json",
            "3:17 /properties: missing required property 'linkedServiceName'; a dataset names the"
                + " linked service its data lives in"),
        loaderCase("missing-data-lake-store-uri", "linkedService.json",
            "5:23 /properties/typeProperties: missing required property 'dataLakeStoreUri'; it"
                + " names the account, as https://<account>.azuredatalakestore.net/webhdfs/v1"),
        loaderCase("missing-copy-source", "pipeline.json",
            "10:27 /properties/activities/0/typeProperties: missing required property 'source';"
                + " e.g. {\"type\": \"BlobSource\"}"),
        loaderCase("missing-copy-sink", "pipeline.json",
            "10:27 /properties/activities/0/typeProperties: missing required property 'sink';"
                + " e.g. {\"type\": \"BlobSink\"}"),
        loaderCase("escape-char-with-quote-char", "dataset.json",
            "10:23 /properties/typeProperties/format/escapeChar: escapeChar and quoteChar cannot"
                + " both be set in a TextFormat; use one"),
        loaderCase("compression-on-avro", "dataset.json", compressionNotAllowed("AvroFormat")),
        loaderCase("compression-on-orc", "dataset.json", compressionNotAllowed("OrcFormat")),
        loaderCase("compression-on-parquet", "dataset.json",
            compressionNotAllowed("ParquetFormat")),
        loaderCase("unknown-format-type", "dataset.json",
            "9:17 /properties/typeProperties/format/type: unknown format type 'CsvFormat';"
                + " expected TextFormat, JsonFormat, AvroFormat, OrcFormat or ParquetFormat"),
        loaderCase("unknown-compression-type", "dataset.json",
            "12:17 /properties/typeProperties/compression/type: unknown compression 'Gzp';"
                + " expected GZip, Deflate, BZip2 or ZipDeflate"),
        loaderCase("unknown-compression-level", "dataset.json",
            "10:18 /properties/typeProperties/compression/level: unknown compression level"
                + " 'Smallest'; expected Optimal or Fastest"),
        loaderCase("unknown-copy-behavior", "pipeline.json",
            "14:57 /properties/activities/0/typeProperties/sink/copyBehavior: unknown copyBehavior"
                + " 'MergeAll'; expected PreserveHierarchy, FlattenHierarchy or MergeFiles"),
        loaderCase("unknown-frequency", "dataset.json",
            "11:20 /properties/availability/frequency: unknown frequency 'Hourly'; expected"
                + " Minute, Hour, Day, Week or Month"),
        loaderCase("unknown-style", "dataset.json",
            "13:16 /properties/availability/style: unknown style 'MiddleOfInterval'; expected"
                + " StartOfInterval or EndOfInterval"),
        loaderCase("unknown-execution-priority-order", "pipeline.json",
            "17:37 /properties/activities/0/policy/executionPriorityOrder: unknown"
                + " executionPriorityOrder 'LatestFirst'; expected OldestFirst or NewestFirst"),
        loaderCase("malformed-timespan", "pipeline.json",
            "17:22 /properties/activities/0/policy/timeout: malformed TimeSpan '1:00:00:00:00';"
                + " expected [-][d.]hh:mm[:ss[.fffffff]] such as 01:00:00 (an hour) or 1.00:00:00"
                + " (a day)"),
        loaderCase("malformed-pipeline-start", "pipeline.json",
            "4:14 /properties/start: malformed date '2014-06-31T18:00:00Z' (Invalid date 'JUNE"
                + " 31'); expected ISO 8601 such as 2014-06-01T18:00:00Z"),
        loaderCase("undefined-partition-placeholder", "dataset.json",
            "7:21 /properties/typeProperties/folderPath: '{Month}' in folderPath is not defined by"
                + " partitionedBy; defined: Year",
            "8:19 /properties/typeProperties/fileName: '{Hour}' in fileName is not defined by"
                + " partitionedBy; defined: Year"),
        loaderCase("adls-user-credential", "linkedService.json",
            "7:20 /properties/typeProperties/sessionId: user credential authentication"
                + " (sessionId/authorization) is not supported: it needs an interactive Azure"
                + " sign-in from the Data Factory editor, and its token expires; use service"
                + " principal authentication instead (servicePrincipalId, servicePrincipalKey,"
                + " tenant)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheseDiagnostics(String fixture, String file, List<String> tails) {
    List<String> expected = tails.stream().map(t -> file(fixture, file) + ":" + t).toList();

    List<Diagnostic> diagnostics = FactoryLoader.load(fixture(fixture + "/" + file)).diagnostics();

    assertThat(diagnostics).extracting(Diagnostic::toString).containsExactlyElementsOf(expected);
    assertThat(diagnostics).allMatch(Diagnostic::isError);
  }

  private static Arguments loaderCase(String fixture, String file, String... tails) {
    return Arguments.of(fixture, file, List.of(tails));
  }

  private static String compressionNotAllowed(String format) {
    return "11:22 /properties/typeProperties/compression: a compression block is not allowed with "
        + format + ": the codec is stored inside the file (ADF writes ORC with ZLIB and Parquet"
        + " with SNAPPY); remove 'compression'";
  }
}
