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
    assertThat(out.toString()).contains("activity run");
  }

  @Test
  void plansAsJson() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode = run(out, err, "plan", EXAMPLE, "--window", WINDOW, "--json");

    assertThat(exitCode).as("stderr: %s", err).isZero();
    assertThat(out.toString()).startsWith("{").contains("\"activityRuns\"");
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine commandLine = AdfBeamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
