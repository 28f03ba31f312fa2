package io.adfbeam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.runners.cli.AdfBeamCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The seed sample "Copy data from Azure Blob to Azure Data Lake Store", as the README runs it:
 * {@code adf-beam plan examples/seed-blob-to-datalake --window ...}. The plan's content is asserted
 * by the translator's tests; here the example must stay valid and plannable.
 */
class SeedBlobToDataLakeTest {
  private static final String EXAMPLE = "seed-blob-to-datalake";
  private static final String WINDOW = "2014-06-01T18:00:00Z/2014-06-01T21:00:00Z";

  @Test
  void validates() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode = run(out, err, "validate", EXAMPLE);

    assertThat(exitCode).as("stderr: %s", err).isZero();
    assertThat(out.toString()).isEqualTo("valid: 2 linked services, 2 datasets, 1 pipeline\n");
  }

  @Test
  void plansTheReadmeWindow() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode = run(out, err, "plan", EXAMPLE, "--window", WINDOW);

    assertThat(exitCode).as("stderr: %s", err).isZero();
    assertThat(out.toString()).startsWith(
            "SamplePipeline/AzureBlobtoDataLake  2014-06-01T18:00:00Z -> 2014-06-01T19:00:00Z\n"
                + "  input   AzureBlobInput"
                + "  folderPath=mycontainer/myfolder/yearno=2014/monthno=06/dayno=01\n"
                + "  output  AzureDataLakeStoreOutput  folderPath=datalake/output/\n")
        .endsWith("3 activity runs\n");
  }

  @Test
  void plansAsJson() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode = run(out, err, "plan", EXAMPLE, "--window", WINDOW, "--json");

    assertThat(exitCode).as("stderr: %s", err).isZero();
    com.fasterxml.jackson.databind.JsonNode plan =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(plan.get("activityRuns")).hasSize(3);
    assertThat(plan.get("activityRuns").get(2).get("sliceStart").asText())
        .isEqualTo("2014-06-01T20:00:00Z");
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine commandLine = AdfBeamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
