package io.adfbeam.runners.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Where a command prints: the {@link CommandLine}'s out and err writers, with every line passed
 * through a {@link SecretMasker} first. Commands print nothing any other way.
 */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final SecretMasker masker;

  Console(CommandLine commandLine, SecretMasker masker) {
    this(commandLine.getOut(), commandLine.getErr(), masker);
  }

  Console(PrintWriter out, PrintWriter err, SecretMasker masker) {
    this.out = out;
    this.err = err;
    this.masker = masker;
  }

  /** The same writers, masking with {@code other}. */
  Console maskingWith(SecretMasker other) {
    return new Console(out, err, other);
  }

  /** Prints {@code text} (one or more lines) to standard output. */
  void out(String text) {
    print(out, text);
  }

  /** Prints {@code text} (one or more lines) to standard error. */
  void err(String text) {
    print(err, text);
  }

  private void print(PrintWriter writer, String text) {
    for (String line : text.split("\\R", -1)) {
      writer.println(masker.mask(line));
    }
    writer.flush();
  }
}
