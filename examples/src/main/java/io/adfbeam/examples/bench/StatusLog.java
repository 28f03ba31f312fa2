package io.adfbeam.examples.bench;

/** Where the benchmark says what it is doing (standard error by default). */
interface StatusLog {
  void info(String message);

  static StatusLog stderr() {
    return message -> System.err.println("bench: " + message);
  }
}
