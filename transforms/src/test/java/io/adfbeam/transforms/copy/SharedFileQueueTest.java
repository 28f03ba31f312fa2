package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.dataFiles;
import static io.adfbeam.transforms.copy.CopyHarness.entries;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.task;
import static io.adfbeam.transforms.copy.CopyHarness.tree;
import static io.adfbeam.transforms.copy.CopyHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs whose slots take files from one in-process queue ({@link CopyFiles#inOneProcess()}). */
class SharedFileQueueTest {
  @TempDir Path root;

  @Test
  void everyFileIsCopiedExactlyOnceWhateverSlotTakesIt() {
    Path src = root.resolve("src");
    Random random = new Random(7);
    for (int i = 0; i < 30; i++) {
      byte[] content = new byte[random.nextInt(200_000)];
      random.nextBytes(content);
      write(src.resolve("part-" + (i % 3) + "/file-" + i + ".bin"), content);
    }
    Path shared = root.resolve("shared");
    Path dealt = root.resolve("dealt");
    CopyTask sharedTask = new CopyTask("shared", FileSource.of("Src", folder(src)),
        FileSink.of("Dst", folder(shared)), 4);
    CopyTask dealtTask = new CopyTask("dealt", FileSource.of("Src", folder(src)),
        FileSink.of("Dst", folder(dealt)), 4);

    CopyHarness.Job job = CopyHarness.run(CopyFiles.create().inOneProcess(), sharedTask);
    CopyHarness.run(CopyFiles.create(), dealtTask);

    assertThat(job.outcome("shared").succeeded()).isTrue();
    assertThat(dataFiles(shared)).containsOnlyKeys(tree(src).keySet());
    tree(src).forEach((path, content) -> assertThat(dataFiles(shared).get(path)).as(path).isEqualTo(content));
    assertThat(dataFiles(shared).keySet()).isEqualTo(dataFiles(dealt).keySet());
    assertThat(job.counter("shared", CopyMetrics.FILES_READ)).isEqualTo(30);
    assertThat(job.counter("shared", CopyMetrics.FILES_WRITTEN)).isEqualTo(30);
    assertThat(job.counter("shared", CopyMetrics.DATA_READ))
        .isEqualTo(tree(src).values().stream().mapToLong(b -> b.length).sum());
    assertThat(job.slots("shared")).as("parallelCopies slots took from the queue").isEqualTo(4);
    assertThat(SharedFileQueue.open()).as("the queue is dropped at commit").isZero();
  }

  @Test
  void inOneProcessEverySlotHoldsTheWholeRunLargestFirstOnOneQueue() throws Exception {
    Path src = root.resolve("src");
    for (int i = 0; i < 6; i++) {
      write(src.resolve("f" + i), new byte[100 * (i + 1)]);
    }
    CopyTask task = new CopyTask("r", FileSource.of("Src", folder(src)),
        FileSink.of("Dst", folder(root.resolve("dst"))), 3);

    List<CopyFiles.Slot> shared = slots(new CopyFiles.ListFn(true), task);
    List<CopyFiles.Slot> dealt = slots(new CopyFiles.ListFn(false), task);

    assertThat(shared).hasSize(3);
    assertThat(shared).extracting(CopyFiles.Slot::queue).doesNotContainNull().containsOnly(shared.get(0).queue());
    for (CopyFiles.Slot slot : shared) {
      assertThat(slot.units()).extracting(u -> u.file().relativePath())
          .containsExactly("f5", "f4", "f3", "f2", "f1", "f0");
    }
    assertThat(dealt).hasSize(3);
    assertThat(dealt).extracting(CopyFiles.Slot::queue).containsOnlyNulls();
    assertThat(dealt).flatExtracting(CopyFiles.Slot::units).extracting(u -> u.file().relativePath())
        .containsExactlyInAnyOrder("f0", "f1", "f2", "f3", "f4", "f5");
  }

  private static List<CopyFiles.Slot> slots(CopyFiles.ListFn fn, CopyTask task) throws Exception {
    List<CopyFiles.Slot> slots = new ArrayList<>();
    fn.process(task, CopyRuns.receiver(kv -> slots.add(kv.getValue())));
    return slots;
  }

  @Test
  void aRunWhoseQueuedFilesWereNotAllCopiedCommitsNothing() throws Exception {
    Path dst = root.resolve("dst");
    CopyTask task = task("lost", FileSource.of("Src", folder(root.resolve("src"))),
        FileSink.of("Dst", folder(dst)));
    String staged = CopyFiles.stagedPath(task, CopyFiles.stagedName(0, 0));
    write(Path.of(staged), "1,a\n");
    SharedFileQueue.take("lost@q"); // the queue handed out two files; one slot's copy was lost
    SharedFileQueue.take("lost@q");
    CopyFiles.SlotResult result = new CopyFiles.SlotResult(task,
        List.of(new CopyFiles.Staged(staged, folder(dst) + "a.csv")), List.of(), "lost@q", 2, 1);
    List<RunOutcome> outcomes = new ArrayList<>();

    new CopyFiles.CommitFn(null).process(KV.of("lost", List.of(result)),
        CopyRuns.receiver(outcomes::add));

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).succeeded()).isFalse();
    assertThat(outcomes.get(0).errors()).containsExactly("the run's 2 files were copied 1 times in"
        + " all (a worker was run again by the runner); nothing was committed: run it again");
    assertThat(Files.exists(dst.resolve("a.csv"))).isFalse();
    assertThat(entries(dst)).as("staging removed").isEmpty();
    assertThat(SharedFileQueue.open()).isZero();
  }
}
