package io.adfbeam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adfbeam.runners.cli.AdfBeamCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The two seed samples run end to end as the README runs them: the unchanged JSON, the local
 * store mapping beside it, and the output redirected to a temporary folder (a later {@code
 * --store} wins over the file's).
 */
class SeedExamplesRunTest {
  @TempDir Path out;

  @Test
  void blobToDataLakeCopiesTheDayFolderForEachHourlySlice() throws IOException {
    Path example = Path.of("seed-blob-to-datalake");
    Path report = out.resolve("report.json");

    Result r = run("run", example.toString(), "--state", out.resolve("state").toString(), "--window", "2014-06-01T18:00:00Z/2014-06-01T21:00:00Z",
        "--stores", example.resolve("local.stores").toString(),
        "--store", "AzureDataLakeStoreLinkedService=" + out.resolve("lake").toUri(),
        "--report", report.toString());

    assertThat(r.exitCode).as("stderr: %s", r.err).isZero();
    Path input = example.resolve("data/blob/mycontainer/myfolder/yearno=2014/monthno=06/dayno=01");
    Path output = out.resolve("lake/datalake/output");
    assertThat(dataFiles(output)).containsExactly("events-18.log", "events-19.log", "events-20.log");
    for (String name : dataFiles(output)) {
      assertThat(Files.readAllBytes(output.resolve(name))).isEqualTo(Files.readAllBytes(input.resolve(name)));
    }
    JsonNode runs = new ObjectMapper().readTree(report.toFile()).get("activityRuns");
    assertThat(runs).hasSize(3);
    long inputBytes = 0;
    for (String name : dataFiles(input)) {
      inputBytes += Files.size(input.resolve(name));
    }
    for (JsonNode run : runs) {
      assertThat(run.get("status").asText()).isEqualTo("Succeeded");
      assertThat(run.get("filesRead").asLong()).isEqualTo(3);
      assertThat(run.get("filesWritten").asLong()).isEqualTo(3);
      assertThat(run.get("dataRead").asLong()).isEqualTo(inputBytes);
      assertThat(run.get("dataWritten").asLong()).isEqualTo(inputBytes);
    }
    assertThat(r.out).contains("3 of 3 activity runs succeeded");
  }

  @Test
  void dataLakeToBlobWritesTheHourlyPartitionedFolder() throws IOException {
    Path example = Path.of("seed-datalake-to-blob");

    Result r = run("run", example.toString(), "--state", out.resolve("state").toString(),
        "--stores", example.resolve("local.stores").toString(),
        "--store", "StorageLinkedService=" + out.resolve("blob").toUri());

    assertThat(r.exitCode).as("stderr: %s", r.err).isZero();
    Path output = out.resolve("blob/mycontainer/myfolder/yearno=2014/monthno=06/dayno=01/hourno=18");
    assertThat(dataFiles(output)).containsExactly("SearchLog.tsv");
    List<String> expected = Files.readAllLines(example.resolve("data/lake/datalake/input/SearchLog.tsv"));
    assertThat(Files.readAllLines(output.resolve("SearchLog.tsv"))).isEqualTo(expected);
  }

  private static List<String> dataFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString())
          .filter(p -> !p.startsWith(".adf-beam"))
          .sorted().toList();
    }
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = AdfBeamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
