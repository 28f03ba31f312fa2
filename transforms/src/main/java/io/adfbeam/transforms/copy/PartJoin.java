package io.adfbeam.transforms.copy;

import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.transforms.copy.CopyFiles.Staged;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the parts of split files ({@link FileSplits}) when their run commits, each into the one
 * file an uncut copy writes, still staged in the sink's hidden folder: Avro, ORC and Parquet parts
 * with their format's join ({@link io.adfbeam.formats.columnar.ColumnarFormat#join}), text and JSON
 * parts (plain, GZip members, BZip2 streams) by concatenation, with {@link
 * FileChannel#transferTo} between local files and through Beam's file systems elsewhere. Parts
 * are staged files like any other (named after the run's token in the hidden folder), so they
 * never become visible, and a failed run removes them with the rest of its staging.
 */
final class PartJoin {
  private PartJoin() {}

  /**
   * A run's staged files with the parts of each split file replaced by the file they join into;
   * counts the joined files' bytes as dataWritten (their parts are not counted). Run again after
   * it joined (the runner retrying the commit), it leaves the joined files as they are.
   *
   * @throws IOException if the run did not stage every part of a file, or they do not join
   */
  static List<Staged> join(CopyTask task, List<Staged> staged) throws IOException {
    List<Staged> out = new ArrayList<>();
    Map<String, List<Staged>> byTarget = new TreeMap<>();
    for (Staged s : staged) {
      if (s.parts() > 1) {
        byTarget.computeIfAbsent(s.target(), t -> new ArrayList<>()).add(s);
      } else {
        out.add(s);
      }
    }
    int joins = 0;
    for (Map.Entry<String, List<Staged>> e : byTarget.entrySet()) {
      List<Staged> parts = new ArrayList<>(e.getValue());
      parts.sort(Comparator.comparingInt(Staged::part));
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i).part() != i || parts.size() != parts.get(i).parts()) {
          throw new IOException("the parts of " + e.getKey() + " are incomplete: " + parts.size()
              + " of " + parts.get(0).parts());
        }
      }
      String name = e.getKey().substring(task.sink().folder().length());
      // numbered in target order: the commit run again names each joined file as before
      String joined = joinedPath(task, joins++);
      List<String> paths = parts.stream().map(Staged::staged).toList();
      out.add(new Staged(joined, e.getKey()));
      if (!allExist(paths)) {
        // The runner runs the commit again: an earlier attempt joined them (parts are deleted
        // only after a whole join) and may have moved the result into place already.
        continue;
      }
      long bytes = task.sink().format().columnar()
          ? joinColumnar(task, paths, joined, name) : concatenate(paths, joined);
      CopyMetrics.counter(task.runId(), CopyMetrics.DATA_WRITTEN).inc(bytes);
      StoreFiles.delete(paths); // now, not at the end of the commit: they take the space twice
    }
    return out;
  }

  /** Where the {@code n}th split file (in target order) of a run is joined. */
  static String joinedPath(CopyTask task, int n) {
    return CopyFiles.stagedPath(task, "joined." + n);
  }

  private static boolean allExist(List<String> paths) throws IOException {
    for (String p : paths) {
      if (!StoreFiles.exists(p)) {
        return false;
      }
    }
    return true;
  }

  private static long joinColumnar(CopyTask task, List<String> parts, String joined, String name)
      throws IOException {
    List<SeekableInput> inputs = parts.stream()
        .map(p -> StoreFiles.seekable(new StoreFiles.Listed(p, p, -1))).toList();
    Counting.Out out = new Counting.Out(StoreFiles.create(joined));
    RowCodecs.columnar(task.sink().format()).join(inputs, out, name);
    return out.count;
  }

  /** Writes the parts one after the other into {@code joined}; returns its length. */
  private static long concatenate(List<String> parts, String joined) throws IOException {
    Path target = StoreFiles.localPath(joined);
    if (target != null) {
      Files.createDirectories(target.getParent());
      long written = 0;
      try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        for (String part : parts) {
          try (FileChannel in = FileChannel.open(StoreFiles.localPath(part))) {
            long size = in.size();
            for (long done = 0; done < size; ) {
              done += in.transferTo(done, size - done, out);
            }
            written += size;
          }
        }
      }
      return written;
    }
    long written = 0;
    try (OutputStream out = StoreFiles.create(joined)) {
      for (String part : parts) {
        try (InputStream in = StoreFiles.open(part)) {
          written += in.transferTo(out);
        }
      }
    }
    return written;
  }
}
