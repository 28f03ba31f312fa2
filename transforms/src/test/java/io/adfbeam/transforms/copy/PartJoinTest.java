package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.transforms.copy.CopyFiles.Staged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining a run's parts at commit, and the same commit run again by the runner. */
class PartJoinTest {
  @TempDir Path root;

  private CopyTask task() {
    return new CopyTask("run", FileSource.of("In", folder(root.resolve("in")))
        .withText(TextFormatOptions.defaults()),
        FileSink.of("Out", folder(root.resolve("out"))).withText(TextFormatOptions.defaults()), 0);
  }

  private List<Staged> stageParts(CopyTask task, String... contents) {
    Staged[] staged = new Staged[contents.length];
    for (int i = 0; i < contents.length; i++) {
      String path = CopyFiles.stagedPath(task, CopyFiles.stagedName(0, i));
      CopyHarness.write(Path.of(path), contents[i]);
      staged[i] = new Staged(path, task.sink().folder() + "a/b.csv", i, contents.length);
    }
    return List.of(staged);
  }

  @Test
  void partsJoinInOrderAndAJoinRunAgainKeepsTheJoinedFile() throws IOException {
    CopyTask task = task();
    List<Staged> staged = stageParts(task, "1,a\n", "", "2,b\n3,c");
    Staged whole = new Staged(CopyFiles.stagedPath(task, CopyFiles.stagedName(1, 0)),
        task.sink().folder() + "c.csv");
    CopyHarness.write(Path.of(whole.staged()), "x\n");
    List<Staged> all = List.of(staged.get(2), whole, staged.get(0), staged.get(1));

    Staged joined = new Staged(PartJoin.joinedPath(task, 0), task.sink().folder() + "a/b.csv");
    assertThat(PartJoin.join(task, all)).containsExactlyInAnyOrder(whole, joined);
    assertThat(Files.readString(Path.of(joined.staged()))).isEqualTo("1,a\n2,b\n3,c");
    for (Staged part : staged) {
      assertThat(Path.of(part.staged())).doesNotExist();
    }
    // the commit again (its parts gone): the joined file stays as it is
    assertThat(PartJoin.join(task, all)).containsExactlyInAnyOrder(whole, joined);
    assertThat(Files.readString(Path.of(joined.staged()))).isEqualTo("1,a\n2,b\n3,c");
  }

  @Test
  void aMissingPartIsAnError() {
    CopyTask task = task();
    List<Staged> staged = stageParts(task, "1\n", "2\n", "3\n");
    assertThatThrownBy(() -> PartJoin.join(task, List.of(staged.get(0), staged.get(2))))
        .isInstanceOf(IOException.class).hasMessageContaining("incomplete: 2 of 3");
  }
}
