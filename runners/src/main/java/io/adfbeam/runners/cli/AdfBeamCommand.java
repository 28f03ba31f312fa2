package io.adfbeam.runners.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code adf-beam} command line: {@code validate} and {@code plan} an Azure Data Factory's
 * definitions. Build it with {@link #newCommandLine()}, which installs the error handling; {@link
 * #main} is the only place that exits the JVM.
 */
@Command(
    name = "adf-beam",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validate and plan Azure Data Factory copy pipelines for Apache Beam.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, StatusCommand.class,
      LineageCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (warnings allowed)",
      "1:internal failure",
      "2:invalid input: the factory, or the command line"
    },
    footer = {"", "PATH is a resource JSON file, an ADF v1 project folder, a folder in ADF's Git"
        + " layout, or an ARM template."})
public final class AdfBeamCommand implements Callable<Integer> {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal failure.")
  boolean debug;

  @Spec CommandSpec spec;

  /** What the running command masks with; a command widens it once it knows the secrets. */
  private SecretMasker masker = SecretMasker.standard();

  /** Creates the command; use {@link #newCommandLine()} to run it. */
  public AdfBeamCommand() {}

  /** Without a command: the usage help on standard error, and exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INVALID_INPUT;
  }

  SecretMasker masker() {
    return masker;
  }

  void useMasker(SecretMasker masker) {
    this.masker = masker;
  }

  /**
   * A {@link CommandLine} for a new {@link AdfBeamCommand}, with adf-beam's error handling: usage
   * errors print one message and a hint (exit 2), {@link InvalidInputException}s print their
   * message (exit 2), and anything else prints one line (exit 1) with the stack trace only under
   * {@code --debug}. Everything printed is masked by {@link SecretMasker}. Set the out and err
   * writers on the result to capture output.
   */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new AdfBeamCommand());
    commandLine.setParameterExceptionHandler(AdfBeamCommand::handleParameterException);
    commandLine.setExecutionExceptionHandler(AdfBeamCommand::handleExecutionException);
    commandLine.setExitCodeExceptionMapper(ExitCodes.mapper());
    return commandLine;
  }

  /** Runs {@code adf-beam} and exits with its exit code. */
  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("run")) {
      // before picocli's own start-up: see RunCommand.warmUpBeamOptions
      RunCommand.warmUpBeamOptions(java.util.Arrays.asList(args));
    }
    System.exit(newCommandLine().execute(args));
  }

  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    SecretMasker masker = SecretMasker.standard();
    err.println(masker.mask(e.getMessage()));
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      for (String suggestion : unmatched.getSuggestions()) {
        err.println("  did you mean: " + masker.mask(suggestion) + "?");
      }
    }
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more"
        + " information.");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    SecretMasker masker = root(parseResult).map(AdfBeamCommand::masker)
        .orElse(SecretMasker.standard());
    Console console = new Console(commandLine, masker);
    int exitCode = ExitCodes.of(e);
    if (exitCode == ExitCodes.INVALID_INPUT) {
      console.err(e.getMessage());
      return exitCode;
    }
    console.err("adf-beam: internal error: " + describe(e)
        + (debug(parseResult) ? "" : " (run again with --debug for the stack trace)"));
    if (debug(parseResult)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      console.err(trace.toString().stripTrailing());
    }
    return exitCode;
  }

  private static Optional<AdfBeamCommand> root(ParseResult parseResult) {
    return parseResult.commandSpec().userObject() instanceof AdfBeamCommand c
        ? Optional.of(c) : Optional.empty();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + firstLine(message);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).stripTrailing();
  }

  /** Whether {@code --debug} was given to the command or any of its subcommands. */
  private static boolean debug(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
