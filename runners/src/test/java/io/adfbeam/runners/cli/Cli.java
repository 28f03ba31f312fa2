package io.adfbeam.runners.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code adf-beam} in-process with captured standard output and error. */
final class Cli {
  /** Where the test factories are, relative to the module (surefire's working directory). */
  static final String FACTORIES = "src/test/resources/factories/";

  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return lines(out);
    }

    List<String> errLines() {
      return lines(err);
    }

    private static List<String> lines(String text) {
      return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }
  }

  static Result run(String... args) {
    return run(AdfBeamCommand.newCommandLine(), args);
  }

  static Result run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  static String factory(String name) {
    return FACTORIES + name;
  }
}
