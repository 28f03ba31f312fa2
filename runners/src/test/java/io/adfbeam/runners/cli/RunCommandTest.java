package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adf-beam run} end to end on the Direct runner over local folders: exit codes, the
 * report, text conversion, failures that leave nothing visible, dependent runs, and secrets.
 */
class RunCommandTest {
  private static final String KEY = "RunSecretKey0123456789==";

  @TempDir Path temp;
  private Path factory;
  private Path in;
  private Path out;

  @BeforeEach
  void layout() throws IOException {
    factory = Files.createDirectories(temp.resolve("factory"));
    in = Files.createDirectories(temp.resolve("in"));
    out = temp.resolve("out");
    write("LinkedServices/Store.json", """
        { "name": "Store", "properties": { "type": "AzureStorage", "typeProperties": {
          "connectionString": "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=%s" } } }
        """.formatted(KEY));
    write("LinkedServices/Lake.json", """
        { "name": "Lake", "properties": { "type": "AzureStorage", "typeProperties": {
          "connectionString": "DefaultEndpointsProtocol=https;AccountName=lake;AccountKey=%s" } } }
        """.formatted(KEY));
  }

  @Test
  void convertsCommaToTabWithAHeaderAndReportsRowsFromMetrics() throws IOException {
    dataset("Csv", "Store", "raw/sales", "\"format\": {\"type\": \"TextFormat\", \"quoteChar\": \"\\\"\"}");
    dataset("Tsv", "Lake", "curated/sales", "\"format\": {\"type\": \"TextFormat\", \"columnDelimiter\":"
        + " \"\\t\", \"firstRowAsHeader\": true, \"rowDelimiter\": \"\\n\"}");
    pipeline("Curate", copy("CsvToTsv", "Csv", "Tsv", ""));
    Files.createDirectories(in.resolve("raw/sales"));
    Files.writeString(in.resolve("raw/sales/a.csv"), "1,apple,0.5\n2,\"pear, green\",1.25\n");
    Path report = temp.resolve("report.json");

    Cli.Result r = Cli.run(runArgs("--report", report.toString()));

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(Files.readString(out.resolve("curated/sales/a.csv")))
        .isEqualTo("Prop_0\tProp_1\tProp_2\n1\tapple\t0.5\n2\tpear, green\t1.25\n");
    JsonNode run = new ObjectMapper().readTree(report.toFile()).get("activityRuns").get(0);
    assertThat(run.get("status").asText()).isEqualTo("Succeeded");
    assertThat(run.get("pipeline").asText()).isEqualTo("Curate");
    assertThat(run.get("activity").asText()).isEqualTo("CsvToTsv");
    assertThat(run.get("sliceStart").asText()).isEqualTo("2016-01-01T00:00:00Z");
    assertThat(run.get("sliceEnd").asText()).isEqualTo("2016-01-01T01:00:00Z");
    assertThat(run.get("rowsRead").asLong()).isEqualTo(2);
    assertThat(run.get("rowsCopied").asLong()).isEqualTo(2);
    assertThat(run.get("filesRead").asLong()).isEqualTo(1);
    assertThat(run.get("filesWritten").asLong()).isEqualTo(1);
    assertThat(run.get("dataRead").asLong()).isEqualTo(Files.size(in.resolve("raw/sales/a.csv")));
    assertThat(run.get("dataWritten").asLong()).isEqualTo(Files.size(out.resolve("curated/sales/a.csv")));
    assertThat(run.get("outputs").get(0).asText()).isEqualTo(out.resolve("curated/sales/a.csv").toString());
    assertThat(r.out()).contains("1 of 1 activity runs succeeded");
  }

  @Test
  void aMalformedRowFailsTheRunWithFileAndLineAndWritesNothing() throws IOException {
    dataset("Csv", "Store", "raw", "\"format\": {\"type\": \"TextFormat\"}");
    dataset("Tsv", "Lake", "curated", "\"format\": {\"type\": \"TextFormat\", \"columnDelimiter\": \"\\t\"}");
    pipeline("Curate", copy("CsvToTsv", "Csv", "Tsv", ""));
    Files.createDirectories(in.resolve("raw"));
    Files.writeString(in.resolve("raw/a.csv"), "1,a\n2,b\n");
    Files.writeString(in.resolve("raw/b.csv"), "1,a\n2,b,extra\n");
    Path report = temp.resolve("report.json");

    Cli.Result r = Cli.run(runArgs("--report", report.toString()));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    String error = in.resolve("raw/b.csv") + ":2: expected 2 columns, found 3";
    assertThat(r.out()).contains("Curate/CsvToTsv@2016-01-01T00:00:00Z: " + error);
    JsonNode run = new ObjectMapper().readTree(report.toFile()).get("activityRuns").get(0);
    assertThat(run.get("status").asText()).isEqualTo("Failed");
    assertThat(run.get("errors").get(0).asText()).isEqualTo(error);
    assertThat(dataFiles(out)).isEmpty();
  }

  @Test
  void aMissingInputFolderNamesTheDatasetAndPath() throws IOException {
    dataset("Csv", "Store", "raw/nothing-here", "");
    dataset("Copy", "Lake", "copied", "");
    pipeline("P", copy("C", "Csv", "Copy", ""));

    Cli.Result r = Cli.run(runArgs());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(r.out()).contains("P/C@2016-01-01T00:00:00Z: dataset 'Csv': the input folder "
        + in.resolve("raw/nothing-here") + "/ does not exist");
  }

  @Test
  void aRunWaitsForTheRunThatWritesItsInputAndIsSkippedWhenThatFails() throws IOException {
    dataset("Raw", "Store", "raw", "");
    dataset("Stage", "Lake", "stage", "");
    dataset("Final", "Lake", "final", "");
    pipeline("P", copy("First", "Raw", "Stage", "") + "," + copy("Second", "Stage", "Final", ""));
    Files.createDirectories(in.resolve("raw"));
    Files.writeString(in.resolve("raw/x.bin"), "payload");

    Cli.Result ok = Cli.run(runArgs());

    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(Files.readString(out.resolve("final/x.bin"))).isEqualTo("payload");

    Files.delete(in.resolve("raw/x.bin"));
    Files.delete(in.resolve("raw"));
    Cli.Result failed = Cli.run(runArgs("--rerun", "all"));

    assertThat(failed.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(failed.out()).containsPattern("P/First +2016-01-01T00:00:00Z Failed")
        .containsPattern("P/Second +2016-01-01T00:00:00Z Skipped")
        .contains("P/Second@2016-01-01T00:00:00Z: not run: the runs producing its input failed:"
            + " P/First@2016-01-01T00:00:00Z");
  }

  @Test
  void anUnmappedAzureStoreRunsAgainstTheAccountItNames() throws IOException {
    dataset("Csv", "Store", "raw", "");
    dataset("Copy", "Lake", "copied", "");
    pipeline("P", copy("C", "Csv", "Copy", ""));
    Files.createDirectories(in.resolve("raw"));

    // The Lake account's host does not resolve here: the run fails at the store, naming it.
    Cli.Result r = Cli.run("run", factory.toString(), "--store", "Store=" + in.toUri());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("linked service 'Lake'").contains("azfs://lake/copied/")
        .doesNotContain(KEY);
  }

  @Test
  void aMalformedStoreMappingIsInvalidInput() {
    Cli.Result r = Cli.run("run", factory.toString(), "--store", "Store");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("malformed store mapping 'Store'; expected LINKEDSERVICE=URI such"
        + " as AzureStorageLinkedService=file:///tmp/blob");
  }

  @Test
  void beamOptionsPassThroughAndABadOneIsInvalidInput() throws IOException {
    dataset("A", "Store", "raw", "");
    dataset("B", "Lake", "copied", "");
    pipeline("P", copy("C", "A", "B", ""));
    Files.createDirectories(in.resolve("raw"));
    Files.writeString(in.resolve("raw/x"), "x");

    Cli.Result ok = Cli.run(runArgs("--targetParallelism=2"));
    Cli.Result bad = Cli.run(runArgs("--runner=NoSuchRunner"));

    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(bad.err()).contains("invalid Beam pipeline option");
  }

  @Test
  void noSecretAppearsInAnythingPrintedOrWritten() throws IOException {
    dataset("A", "Store", "raw", "");
    dataset("B", "Lake", "copied", "");
    pipeline("P", copy("C", "A", "B", ""));
    Files.createDirectories(in.resolve("raw"));
    Files.writeString(in.resolve("raw/x"), "x");
    Path report = temp.resolve("report.json");

    Cli.Result r = Cli.run(runArgs("--report", report.toString()));

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out() + r.err() + Files.readString(report)).doesNotContain(KEY);
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
      }
    }
  }

  @Test
  void incompatibleRowsAreSkippedCountedAndLoggedWithTheirErrors() throws IOException {
    typedOrders();
    dataset("Json", "Lake", "json", "\"format\": {\"type\": \"JsonFormat\"}");
    pipeline("P", "{ \"name\": \"C\", \"type\": \"Copy\", \"inputs\": [{\"name\": \"Orders\"}],"
        + " \"outputs\": [{\"name\": \"Json\"}], \"typeProperties\": { \"source\": {\"type\":"
        + " \"BlobSource\"}, \"sink\": {\"type\": \"BlobSink\"}, \"enableSkipIncompatibleRow\": true,"
        + " \"redirectIncompatibleRowSettings\": {\"linkedServiceName\": \"Lake\", \"path\":"
        + " \"redirected\"} }, \"scheduler\": { \"frequency\": \"Hour\", \"interval\": 1 } }");
    Files.createDirectories(in.resolve("orders"));
    Files.writeString(in.resolve("orders/o.csv"), "1,10.5\n2,ten\n3\n4,4\n");
    Path report = temp.resolve("report.json");

    Cli.Result r = Cli.run(runArgs("--report", report.toString()));

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(Files.readString(out.resolve("json/o.csv")))
        .isEqualTo("{\"id\":1,\"amount\":10.5}\r\n{\"id\":4,\"amount\":4}\r\n");
    JsonNode run = new ObjectMapper().readTree(report.toFile()).get("activityRuns").get(0);
    assertThat(run.get("rowsRead").asLong()).isEqualTo(4);
    assertThat(run.get("rowsCopied").asLong()).isEqualTo(2);
    assertThat(run.get("rowsSkipped").asLong()).isEqualTo(2);
    Path logFolder = Path.of(run.get("redirectRowPath").asText());
    assertThat(logFolder.getParent()).isEqualTo(out.resolve("redirected"));
    String source = in.resolve("orders/o.csv").toString();
    assertThat(Files.readAllLines(logFolder.resolve("incompatible-rows-0.csv"))).containsExactly(
        "Source,Position,Row,ErrorCode,ErrorMessage",
        source + ",line 2,\"2,ten\",UserErrorTypeConversionFailure," + source
            + ":2: column 'amount': cannot convert 'ten' to Decimal: not a number",
        source + ",line 3,3,UserErrorInvalidColumnCount,\"" + source
            + ":3: expected 2 columns, found 1\"");
  }

  @Test
  void withoutSkippingTheFirstIncompatibleRowFailsTheRunAndNothingIsWritten() throws IOException {
    typedOrders();
    dataset("Json", "Lake", "json", "\"format\": {\"type\": \"JsonFormat\"}");
    pipeline("P", copy("C", "Orders", "Json", ""));
    Files.createDirectories(in.resolve("orders"));
    Files.writeString(in.resolve("orders/o.csv"), "1,10.5\n2,ten\n");

    Cli.Result r = Cli.run(runArgs());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(r.out()).contains("P/C@2016-01-01T00:00:00Z: " + in.resolve("orders/o.csv")
        + ":2: column 'amount': cannot convert 'ten' to Decimal: not a number");
    assertThat(dataFiles(out)).isEmpty();
  }

  /** A text dataset whose structure types its two columns (id Int32, amount Decimal). */
  private void typedOrders() throws IOException {
    write("Tables/Orders.json", "{ \"name\": \"Orders\", \"properties\": { \"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"Store\", \"structure\": [ {\"name\": \"id\", \"type\":"
        + " \"Int32\"}, {\"name\": \"amount\", \"type\": \"Decimal\"} ], \"typeProperties\":"
        + " { \"folderPath\": \"orders\", \"format\": {\"type\": \"TextFormat\"} },"
        + " \"external\": true, \"availability\": { \"frequency\": \"Hour\", \"interval\": 1 } } }");
  }

  private String[] runArgs(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", factory.toString(),
        "--store", "Store=" + in.toUri(), "--store", "Lake=" + out.toUri()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private void dataset(String name, String linkedService, String folder, String extra) throws IOException {
    write("Tables/" + name + ".json", "{ \"name\": \"" + name + "\", \"properties\": { \"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"" + linkedService + "\", \"typeProperties\": { \"folderPath\": \""
        + folder + "\"" + (extra.isEmpty() ? "" : ", " + extra) + " }, \"external\": true,"
        + " \"availability\": { \"frequency\": \"Hour\", \"interval\": 1 } } }");
  }

  private static String copy(String name, String input, String output, String sinkExtra) {
    return "{ \"name\": \"" + name + "\", \"type\": \"Copy\", \"inputs\": [{\"name\": \"" + input
        + "\"}], \"outputs\": [{\"name\": \"" + output + "\"}], \"typeProperties\": { \"source\":"
        + " {\"type\": \"BlobSource\"}, \"sink\": {\"type\": \"BlobSink\"" + sinkExtra + "} },"
        + " \"scheduler\": { \"frequency\": \"Hour\", \"interval\": 1 } }";
  }

  private void pipeline(String name, String activities) throws IOException {
    write("Pipelines/" + name + ".json", "{ \"name\": \"" + name + "\", \"properties\": {"
        + " \"start\": \"2016-01-01T00:00:00Z\", \"end\": \"2016-01-01T01:00:00Z\", \"activities\": ["
        + activities + "] } }");
  }

  private void write(String relative, String json) throws IOException {
    Path file = factory.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }

  private static List<String> dataFiles(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(folder::relativize).map(Path::toString)
          .filter(p -> !p.contains(".adf-beam")).toList();
    }
  }
}
