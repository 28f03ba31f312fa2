package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code shared/} folder beside the project: seeds and the public corpus. */
final class Shared {
  private Shared() {}

  static Path dir() {
    String configured = System.getProperty("adfbeam.shared");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    dir = dir.toAbsolutePath().normalize();
    assertThat(dir).as("the shared folder beside the project (seeds, corpus)").isDirectory();
    return dir;
  }

  static Path seeds() {
    return dir().resolve("seeds");
  }

  static Path corpus() {
    Path corpus = dir().resolve("corpus");
    assertThat(Files.isDirectory(corpus)).as("corpus folder %s", corpus).isTrue();
    return corpus;
  }
}
