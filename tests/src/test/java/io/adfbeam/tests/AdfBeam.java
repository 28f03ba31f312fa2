package io.adfbeam.tests;

import io.adfbeam.runners.cli.AdfBeamCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs {@code adf-beam} in-process, capturing what it prints: the command's own writers, and the
 * process's standard output and error (where libraries log), for the secret scan.
 */
final class AdfBeam {
  private AdfBeam() {}

  /** What one run printed (command writers and process streams) and returned. */
  record Result(int exitCode, String out, String err, String processOutput) {
    String everything() {
      return out + "\n" + err + "\n" + processOutput;
    }
  }

  static synchronized Result run(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream streams = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(streams, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode;
    try {
      CommandLine commandLine = AdfBeamCommand.newCommandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      exitCode = commandLine.execute(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Result(exitCode, out.toString(), err.toString(),
        streams.toString(StandardCharsets.UTF_8));
  }
}
