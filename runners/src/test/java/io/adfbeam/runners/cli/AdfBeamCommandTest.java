package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.runners.cli.Cli.Result;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class AdfBeamCommandTest {

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Result r = Cli.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: adf-beam [-hV] [--debug] COMMAND\n")
        .contains("  validate  ", "  plan  ", "0   success", "1   internal failure",
            "2   invalid input");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void subcommandHelp() {
    Result r = Cli.run("plan", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: adf-beam plan ")
        .contains("--pipeline=NAME", "--window=START/END", "--json");
  }

  @Test
  void versionNamesAdfBeamAndBeam() {
    Result r = Cli.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines().get(0)).matches("adf-beam \\S+");
    assertThat(r.outLines().get(1)).matches("Apache Beam \\S+");
  }

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    Result r = Cli.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("Usage: adf-beam ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result r = Cli.run("valdate", "x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).contains("Try 'adf-beam --help' for more information.");
    assertThat(r.err()).contains("'valdate'", "did you mean: validate?");
  }

  @Test
  void internalFailureIsOneLineAndExitsOne() {
    Result r = Cli.run(withFailingCommand(), "fail");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("adf-beam: internal error: IllegalStateException: broken"
        + " AccountKey=****** (run again with --debug for the stack trace)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void debugPrintsTheMaskedStackTrace() {
    Result r = Cli.run(withFailingCommand(), "fail", "--debug");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines().get(0))
        .isEqualTo("adf-beam: internal error: IllegalStateException: broken AccountKey=******");
    assertThat(r.errLines().get(1))
        .isEqualTo("java.lang.IllegalStateException: broken AccountKey=******");
    assertThat(r.errLines().get(2)).startsWith("\tat ");
    assertThat(r.err()).doesNotContain("hunter2");
  }

  @Test
  void debugBeforeTheCommandWorksToo() {
    Result r = Cli.run(withFailingCommand(), "--debug", "fail");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines().get(2)).startsWith("\tat ");
  }

  @Test
  void invalidInputExceptionPrintsItsMessageAndExitsTwo() {
    CommandLine commandLine = AdfBeamCommand.newCommandLine()
        .addSubcommand("refuse", new RefusingCommand());

    Result r = Cli.run(commandLine, "refuse");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("no such thing\n");
  }

  private static CommandLine withFailingCommand() {
    return AdfBeamCommand.newCommandLine().addSubcommand("fail", new FailingCommand());
  }

  @Command(name = "fail")
  static final class FailingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("broken AccountKey=hunter2");
    }
  }

  @Command(name = "refuse")
  static final class RefusingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new InvalidInputException("no such thing");
    }
  }
}
