package io.adfbeam.transforms.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local file operations: folders made for files, and entries deleted by name. */
class StoreFilesTest {
  @TempDir Path root;

  private static void create(Path file, String text) throws IOException {
    try (OutputStream out = StoreFiles.create(file.toString())) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aFileIsCreatedAgainAfterTheFoldersItWasLastCreatedInWereRemoved() throws IOException {
    create(root.resolve("a/b/c/x.csv"), "x");
    // removed by someone else, behind the folders this process knows to exist
    try (var walk = Files.walk(root.resolve("a"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertThat(root.resolve("a")).doesNotExist();

    create(root.resolve("a/b/c/y.csv"), "y");
    create(root.resolve("a/b/d/z.csv"), "z");

    assertThat(Files.readString(root.resolve("a/b/c/y.csv"))).isEqualTo("y");
    assertThat(Files.readString(root.resolve("a/b/d/z.csv"))).isEqualTo("z");
  }

  @Test
  void entriesAreDeletedByNameFilesAndFoldersAlikeAndNothingElse() throws IOException {
    create(root.resolve("h/run-1~0.0"), "staged");
    create(root.resolve("h/run-1/old/part.csv"), "old layout");
    create(root.resolve("h/run-1.manifest"), "kept");
    create(root.resolve("h/run-10~0.0"), "another run's");

    StoreFiles.deleteEntries(root + "/h/", "run-1",
        name -> name.startsWith("run-1~") || name.equals("run-1"));
    StoreFiles.deleteEntries(root + "/missing/", "run-1", name -> true); // nothing to delete

    try (var listed = Files.list(root.resolve("h"))) {
      assertThat(listed.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(List.of("run-1.manifest", "run-10~0.0"));
    }
  }
}
