package io.adfbeam.runners.cli;

import static io.adfbeam.runners.cli.Cli.factory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adfbeam.runners.cli.Cli.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
  private static final String WINDOW = "2014-06-01T18:00:00Z/2014-06-01T21:00:00Z";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void plansAValidFactoryAsText() {
    Result r = Cli.run("plan", factory("valid"), "--window", WINDOW);

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.outLines();
    assertThat(lines.get(lines.size() - 1)).matches("\\d+ activity runs?(, \\d+ unsupported)?");
    assertThat(lines.subList(0, lines.size() - 1)).allMatch(line -> line.matches(
        "CopyPipeline/BlobToLake  \\S+Z -> \\S+Z|  (input |output)  \\w+.*|  after: .+"));
  }

  @Test
  void jsonIsOneDocumentWithTheDocumentedFields() throws Exception {
    Result r = Cli.run("plan", factory("valid"), "--window", WINDOW, "--json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(fieldNames(root)).containsExactly("activityRuns", "diagnostics");
    assertThat(root.get("activityRuns").isArray()).isTrue();
    assertThat(root.get("diagnostics").isArray()).isTrue();
    for (JsonNode run : root.get("activityRuns")) {
      assertThat(fieldNames(run)).containsExactly("pipeline", "activity", "activityType",
          "supported", "sliceStart", "sliceEnd", "scheduledTime", "inputs", "outputs",
          "dependsOn");
      assertThat(run.get("pipeline").asText()).isEqualTo("CopyPipeline");
      assertThat(run.get("activity").asText()).isEqualTo("BlobToLake");
      for (String side : List.of("inputs", "outputs")) {
        for (JsonNode dataset : run.get(side)) {
          assertThat(fieldNames(dataset))
              .containsExactly("dataset", "sliceStart", "sliceEnd", "folderPath", "fileName");
        }
      }
    }
  }

  @Test
  void pipelineNamesMatchIgnoringCase() {
    Result r = Cli.run("plan", factory("valid"), "--pipeline", "copypipeline", "--window", WINDOW);

    assertThat(r.exitCode()).isZero();
  }

  @Test
  void unknownPipelineListsThePipelinesThatExist() {
    Result r = Cli.run("plan", factory("valid"), "--pipeline", "Nope");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("unknown pipeline 'Nope'; the factory's pipelines are: CopyPipeline\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void malformedWindowIsAUsageError() {
    Result r = Cli.run("plan", factory("valid"), "--window", "yesterday");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("Invalid value for option '--window': malformed window"
        + " 'yesterday'; expected START/END such as 2014-06-01T18:00:00Z/2014-06-01T21:00:00Z\n"
        + "Try 'adf-beam plan --help' for more information.\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void windowWithABadDateIsAUsageError() {
    Result r = Cli.run("plan", factory("valid"), "--window", "2014-06-01T18:00:00Z/tomorrow");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).startsWith("Invalid value for option '--window': ")
        .contains("'tomorrow'");
  }

  @Test
  void invalidFactoryIsNotPlanned() {
    Result r = Cli.run("plan", factory("invalid"), "--window", WINDOW);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(3);
    assertThat(r.errLines().get(0)).startsWith(
        "src/test/resources/factories/invalid/Tables/HourlyInput.json:16:32 ");
    assertThat(r.errLines().get(2)).isEqualTo("2 errors, 0 warnings in 2 files");
  }

  @Test
  void invalidFactoryWithJsonPrintsTheDiagnosticsAsJson() throws Exception {
    Result r = Cli.run("plan", factory("invalid"), "--json");

    assertThat(r.exitCode()).isEqualTo(2);
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(root.get("activityRuns")).isEmpty();
    JsonNode first = root.get("diagnostics").get(0);
    assertThat(fieldNames(first))
        .containsExactly("severity", "file", "line", "column", "pointer", "message");
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("file").asText())
        .isEqualTo("src/test/resources/factories/invalid/Tables/HourlyInput.json");
    assertThat(first.get("line").asInt()).isEqualTo(16);
    assertThat(first.get("column").asInt()).isEqualTo(32);
    assertThat(first.get("pointer").asText())
        .isEqualTo("/properties/typeProperties/compression/type");
    assertThat(first.get("message").asText()).startsWith("unknown compression 'Gzp'");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
