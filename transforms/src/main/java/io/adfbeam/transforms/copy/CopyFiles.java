package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.transforms.stores.StoreErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Copies the files of activity runs: {@code PCollection<CopyTask>} in, one {@link RunOutcome}
 * per run out. The unit of parallel work is a file, or a part of a large file ({@link
 * FileSplits}): each run's files are listed, spread over at most {@code parallelCopies} slots (64
 * when unset), copied slot by slot streaming from the source codec to the sink codec, written
 * aside under the sink folder's {@value StoreFiles#HIDDEN} folder, and committed (the parts of a
 * split file joined, then moved into place) only when every file of the run succeeded. A failed
 * run leaves nothing where readers look. Running a run again replaces its files and removes the
 * ones its previous attempt wrote that it no longer writes (a manifest per run).
 *
 * <p>Problems in one run (a malformed row, a missing input) fail that run only; the others are
 * committed.
 *
 * <pre>{@code
 * PCollection<RunOutcome> outcomes = pipeline
 *     .apply(Create.of(tasks).withCoder(SerializableCoder.of(CopyTask.class)))
 *     .apply(CopyFiles.create());
 * }</pre>
 */
public final class CopyFiles extends PTransform<PCollection<CopyTask>, PCollection<RunOutcome>> {
  /** Slots per run when parallelCopies is not set: plenty for any worker count on one job. */
  static final int DEFAULT_SLOTS = 64;

  /** Runs with more files than this deal them out to slots even in one process (see below). */
  static final int MAX_SHARED_FILES = 4096;

  private final boolean oneProcess;

  /** Asked as each run's commit is about to begin; null when there is none. */
  private final CommitGate gate;

  private CopyFiles(boolean oneProcess, CommitGate gate) {
    this.oneProcess = oneProcess;
    this.gate = gate;
  }

  public static CopyFiles create() {
    return new CopyFiles(false, null);
  }

  /**
   * For runners whose workers all live in this JVM (the Direct runner, an embedded Flink, Spark
   * local): the slots of a run take its files from one {@link SharedFileQueue}, largest first,
   * instead of each copying the share dealt to it, so the runner's placement of slots cannot
   * leave one worker with most of the files. Runs of more than {@value #MAX_SHARED_FILES} files
   * are dealt out as usual (many small shares balance by themselves). Never use it on a runner
   * with several worker processes: each would copy every file.
   */
  public CopyFiles inOneProcess() {
    return new CopyFiles(true, gate);
  }

  /**
   * Why a run must not be committed (it is then abandoned: its staging removed, the run failed
   * with that reason), or null to commit it. Asked once per run, just before its commit begins,
   * so a run the gate lets through is committed whatever happens meanwhile (a timeout).
   */
  public interface CommitGate extends Serializable {
    String refuse(CopyTask task);
  }

  /** Asks {@code gate} before each run's commit begins. */
  public CopyFiles withCommitGate(CommitGate gate) {
    return new CopyFiles(oneProcess, gate);
  }

  @Override
  public PCollection<RunOutcome> expand(PCollection<CopyTask> tasks) {
    return tasks
        .apply("ListFiles", ParDo.of(new ListFn(oneProcess)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Slot.class)))
        .apply("Spread", Reshuffle.of())
        .apply("CopySlots", ParDo.of(new CopySlotFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(SlotResult.class)))
        .apply("GroupByRun", GroupByKey.create())
        .apply("Commit", ParDo.of(new CommitFn(gate)))
        .setCoder(SerializableCoder.of(RunOutcome.class));
  }

  /**
   * The files (or parts of files) of one run that one worker copies, in order; or, with a {@code
   * queue}, all the run's units, largest first, of which the worker copies those it takes from the
   * queue.
   */
  record Slot(CopyTask task, int index, List<FileSplits.Unit> units, boolean single, String error,
      String queue) implements Serializable {}

  /**
   * A file written aside and where it goes when the run commits: a whole output, or part {@code
   * part} of the {@code parts} that are joined into it.
   */
  record Staged(String staged, String target, int part, int parts) implements Serializable {
    Staged(String staged, String target) {
      this(staged, target, 0, 1);
    }
  }

  /**
   * What a slot staged; with a shared queue, also how many files the queue held and how many of
   * them this slot copied.
   */
  record SlotResult(CopyTask task, List<Staged> files, List<String> errors, String queue,
      int queued, int copied) implements Serializable {}

  /** Between a run's token and the names of what it stages: never in a token, so no other run's. */
  static final String STAGED = "~";

  /** The sink's hidden folder, where runs stage their files and keep their manifests. */
  static String hiddenFolder(CopyTask task) {
    return task.sink().folder() + StoreFiles.HIDDEN + "/";
  }

  /**
   * Where a run stages its files: right in the sink's hidden folder, each named after the run's
   * token ({@code <token>~<slot>.<n>}), with no folder of the run's own. A backfill writes each
   * slice to a sink folder of its own, and a folder per run was one more folder made and removed
   * per slice, removal being the most costly file-system call of a small run.
   */
  static String stagedPath(CopyTask task, String name) {
    return hiddenFolder(task) + OutputNames.token(task.runId()) + STAGED + name;
  }

  /** The name of the {@code n}th file slot {@code slot} stages. */
  static String stagedName(int slot, int n) {
    return slot + "." + n;
  }

  /**
   * Removes what a run staged (its files named after its token, and the folder of the layout
   * before, {@code <token>/}), and the sink's hidden folder with it when nothing else (a
   * manifest, another run's staging) is left in it. The run's manifest stays.
   */
  static void removeStaging(CopyTask task) throws IOException {
    removeStagedEntries(task);
    StoreFiles.deleteIfEmpty(hiddenFolder(task));
  }

  /** Removes what a run staged: what a crashed or failed attempt left. */
  private static void removeStagedEntries(CopyTask task) throws IOException {
    String token = OutputNames.token(task.runId());
    StoreFiles.deleteEntries(hiddenFolder(task), token,
        name -> name.startsWith(token + STAGED) || name.equals(token));
  }

  /** The folder a run's skipped rows are logged in, or null when they are not logged. */
  public static String redirectFolder(CopyTask task) {
    String root = task.settings().redirectFolder();
    return root == null ? null
        : (root.endsWith("/") ? root : root + "/") + OutputNames.token(task.runId()) + "/";
  }

  static String manifest(CopyTask task) {
    return hiddenFolder(task) + OutputNames.token(task.runId()) + ".manifest";
  }

  /** Lists a run's source files and deals them out to slots, balancing bytes. */
  static final class ListFn extends DoFn<CopyTask, KV<String, Slot>> {
    private final boolean oneProcess;

    ListFn(boolean oneProcess) {
      this.oneProcess = oneProcess;
    }

    @ProcessElement
    public void process(@Element CopyTask task, OutputReceiver<KV<String, Slot>> out) throws IOException {
      List<StoreFiles.Listed> files;
      try {
        removeStagedEntries(task); // a crashed earlier attempt's leftovers
        files = sourceFiles(task.source());
      } catch (MissingInputException | StoreErrors.StoreException e) {
        // a missing input, or a store that failed: this run fails, the others go on
        out.output(KV.of(task.runId() + "#0", new Slot(task, 0, List.of(), false, e.getMessage(), null)));
        return;
      }
      long bytes = files.stream().mapToLong(StoreFiles.Listed::size).sum();
      CopyMetrics.counter(task.runId(), CopyMetrics.FILES_TOTAL).inc(files.size());
      CopyMetrics.counter(task.runId(), CopyMetrics.BYTES_TOTAL).inc(bytes);
      int cap = task.parallelCopies() > 0 ? task.parallelCopies() : DEFAULT_SLOTS;
      List<FileSplits.Unit> units = FileSplits.units(task, files,
          FileSplits.splitBytes(task, bytes, cap));
      int slots = task.sink().behavior() == CopyBehavior.MERGE_FILES ? 1
          : Math.max(1, Math.min(units.size(), cap));
      List<FileSplits.Unit> bySize = new ArrayList<>(units);
      bySize.sort(Comparator.comparingLong(FileSplits.Unit::size).reversed()
          .thenComparing(UNIT_ORDER));
      boolean single = files.size() == 1;
      if (oneProcess && slots > 1 && units.size() <= MAX_SHARED_FILES) {
        // a fresh queue per listing: a listing done again starts again from the first file
        String queue = task.runId() + "@" + java.util.UUID.randomUUID();
        List<FileSplits.Unit> all = List.copyOf(bySize);
        for (int i = 0; i < slots; i++) {
          out.output(KV.of(task.runId() + "#" + i, new Slot(task, i, all, single, null, queue)));
        }
        return;
      }
      List<List<FileSplits.Unit>> dealt = new ArrayList<>();
      long[] load = new long[slots];
      for (int i = 0; i < slots; i++) {
        dealt.add(new ArrayList<>());
      }
      for (FileSplits.Unit f : bySize) {
        int least = 0;
        for (int i = 1; i < slots; i++) {
          if (load[i] < load[least]) {
            least = i;
          }
        }
        dealt.get(least).add(f);
        load[least] += Math.max(1, f.size());
      }
      for (int i = 0; i < slots; i++) {
        List<FileSplits.Unit> mine = dealt.get(i);
        mine.sort(UNIT_ORDER);
        out.output(KV.of(task.runId() + "#" + i, new Slot(task, i, mine, single, null, null)));
      }
    }
  }

  /** Units in path order, the parts of a file in their order. */
  private static final Comparator<FileSplits.Unit> UNIT_ORDER =
      Comparator.comparing((FileSplits.Unit u) -> u.file().relativePath())
          .thenComparingInt(u -> u.part() == null ? 0 : u.part().index());

  /** A source folder or file that is not there (as opposed to a store that cannot be reached). */
  public static final class MissingInputException extends IOException {
    MissingInputException(String message) {
      super(message);
    }
  }

  /**
   * The files a source names: one file, a filtered folder, or a whole folder (recursively unless
   * the source says not), in path order, adf-beam's hidden folders left out.
   *
   * @throws IOException naming the dataset when the folder or the named file does not exist
   */
  public static List<StoreFiles.Listed> sourceFiles(FileSource source) throws IOException {
    String folder = StoreFiles.normalize(source.folder());
    if (!StoreFiles.exists(folder)) {
      throw new MissingInputException("dataset '" + source.dataset() + "': the input folder "
          + folder + " does not exist");
    }
    List<StoreFiles.Listed> all = StoreFiles.list(folder, source.recursive() || source.fileName() != null);
    if (source.fileName() != null) {
      List<StoreFiles.Listed> named = all.stream()
          .filter(f -> f.relativePath().equals(source.fileName())).toList();
      if (named.isEmpty()) {
        throw new MissingInputException("dataset '" + source.dataset() + "': the input file "
            + folder + source.fileName() + " does not exist");
      }
      return named;
    }
    if (source.fileFilter() != null) {
      Pattern filter = glob(source.fileFilter());
      return all.stream().filter(f -> filter.matcher(
          f.relativePath().substring(f.relativePath().lastIndexOf('/') + 1)).matches()).toList();
    }
    return all;
  }

  /** ADF's fileFilter: {@code *} any characters, {@code ?} one character, on the file name. */
  static Pattern glob(String filter) {
    StringBuilder re = new StringBuilder();
    for (char c : filter.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /** Copies a slot's files into the run's staging folder. */
  static final class CopySlotFn extends DoFn<KV<String, Slot>, KV<String, SlotResult>> {
    @ProcessElement
    public void process(@Element KV<String, Slot> element, OutputReceiver<KV<String, SlotResult>> out) {
      long started = System.currentTimeMillis();
      Slot slot = element.getValue();
      CopyTask task = slot.task();
      List<Staged> staged = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      int copied = 0;
      if (slot.error() != null) {
        errors.add(slot.error());
      } else {
        String redirect = redirectFolder(task);
        try (BadRowLog log = redirect == null ? null
            : new BadRowLog(redirect + "incompatible-rows-" + slot.index() + ".csv")) {
          if (task.sink().behavior() == CopyBehavior.MERGE_FILES) {
            merge(task, slot, staged, log);
          } else if (slot.queue() != null) {
            for (int i = SharedFileQueue.take(slot.queue()); i < slot.units().size();
                i = SharedFileQueue.take(slot.queue())) {
              copyUnit(task, slot.index(), slot.units().get(i), slot.single(), staged, log);
              copied++;
            }
          } else {
            for (FileSplits.Unit u : slot.units()) {
              copyUnit(task, slot.index(), u, slot.single(), staged, log);
            }
          }
        } catch (IOException | RuntimeException e) {
          errors.add(message(e));
        }
      }
      CopyMetrics.copyMillis(task.runId()).update(System.currentTimeMillis() - started);
      out.output(KV.of(task.runId(), new SlotResult(task, staged, errors, slot.queue(),
          slot.queue() == null ? 0 : slot.units().size(), copied)));
    }

    private static void copyUnit(CopyTask task, int slot, FileSplits.Unit unit, boolean single,
        List<Staged> staged, BadRowLog log) throws IOException {
      if (unit.part() == null) {
        copyOne(task, slot, unit.file(), single, staged, log);
      } else {
        copyPart(task, slot, unit.file(), unit.part(), single, staged, log);
      }
    }

    private static void copyOne(CopyTask task, int slot, StoreFiles.Listed file, boolean single,
        List<Staged> staged, BadRowLog log) throws IOException {
      if (task.source().compression() == CompressionType.ZIP_DEFLATE) {
        String folder = OutputNames.stripExtension(file.relativePath(), CompressionType.ZIP_DEFLATE) + "/";
        try (InputStream archive = StoreFiles.open(file.path())) {
          Counting.In counted = new Counting.In(archive);
          FileCopier.forEachZipEntry(counted, (entry, content) -> {
            String name = OutputNames.forFile(task, folder + entry, false);
            write(task, slot, name, staged, log, Long.MAX_VALUE,
                copier -> copier.copyDecoded(content, file.path() + "!" + entry));
          });
          CopyMetrics.counter(task.runId(), CopyMetrics.DATA_READ).inc(counted.count);
        }
        CopyMetrics.counter(task.runId(), CopyMetrics.FILES_READ).inc();
        return;
      }
      String name = OutputNames.forFile(task, file.relativePath(), single);
      if (task.source().format() != null && task.source().format().columnar()
          && !FileCopier.passThrough(task)) {
        write(task, slot, name, staged, log, file.size(), copier -> copier.copyColumnar(
            StoreFiles.seekable(file)));
        CopyMetrics.counter(task.runId(), CopyMetrics.FILES_READ).inc();
        return;
      }
      write(task, slot, name, staged, log, file.size(), copier -> {
        try (InputStream in = StoreFiles.open(file.path())) {
          if (FileCopier.passThrough(task)) {
            copier.copyRaw(in);
          } else {
            copier.copyFile(in, file.path());
          }
        }
      });
      CopyMetrics.counter(task.runId(), CopyMetrics.FILES_READ).inc();
    }

    /** Copies one part of a split file into its own staged file, joined at commit. */
    private static void copyPart(CopyTask task, int slot, StoreFiles.Listed file,
        FileSplits.Part part, boolean single, List<Staged> staged, BadRowLog log) throws IOException {
      String name = OutputNames.forFile(task, file.relativePath(), single);
      SeekableInput input = StoreFiles.seekable(file);
      write(task, slot, name, part, staged, log, part.range().length(), copier -> {
        if (task.source().format().columnar()) {
          copier.copyColumnar(input, part.range());
          return;
        }
        SeekableByteChannel ch = input.open();
        TextParts.Range range;
        try {
          range = TextParts.range(ch, file.size(), task.source().text(), part);
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
        copier.copyTextPart(range.prelude(), range.open(ch),
            part.first() ? file.path() : file.path() + " (from byte " + range.start() + ")");
      });
      CopyMetrics.counter(task.runId(), CopyMetrics.SPLIT_PARTS).inc();
      if (part.first()) {
        CopyMetrics.counter(task.runId(), CopyMetrics.FILES_READ).inc();
      }
    }

    private static void merge(CopyTask task, Slot slot, List<Staged> staged, BadRowLog log)
        throws IOException {
      String name = OutputNames.merged(task);
      write(task, slot.index(), name, staged, log, Long.MAX_VALUE, copier -> {
        for (FileSplits.Unit unit : slot.units()) {
          StoreFiles.Listed file = unit.file();
          if (task.source().format() != null && task.source().format().columnar()) {
            copier.copyColumnar(StoreFiles.seekable(file));
            CopyMetrics.counter(task.runId(), CopyMetrics.FILES_READ).inc();
            continue;
          }
          try (InputStream in = StoreFiles.open(file.path())) {
            if (task.source().compression() == CompressionType.ZIP_DEFLATE) {
              Counting.In counted = new Counting.In(in);
              FileCopier.forEachZipEntry(counted, (entry, content) ->
                  copier.copyDecoded(content, file.path() + "!" + entry));
              copier.bytesRead += counted.count;
            } else {
              copier.copyFile(in, file.path());
            }
          }
          CopyMetrics.counter(task.runId(), CopyMetrics.FILES_READ).inc();
        }
      });
    }

    interface Body {
      void copy(FileCopier copier) throws IOException;
    }

    private static void write(CopyTask task, int slot, String name, List<Staged> staged,
        BadRowLog log, long sizeHint, Body body) throws IOException {
      write(task, slot, name, null, staged, log, sizeHint, body);
    }

    /**
     * Writes one staged file: a whole output, or one part of a split file ({@code part} not null),
     * whose bytes are counted when the parts are joined and whose file is counted once.
     */
    private static void write(CopyTask task, int slot, String name, FileSplits.Part part,
        List<Staged> staged, BadRowLog log, long sizeHint, Body body) throws IOException {
      // numbered in the slot's order, so that a slot the runner runs again writes the same names
      String stagedPath = stagedPath(task, stagedName(slot, staged.size()));
      String target = task.sink().folder() + name;
      staged.add(part == null ? new Staged(stagedPath, target)
          : new Staged(stagedPath, target, part.index(), part.count()));
      FileCopier copier;
      try (OutputStream store = StoreFiles.create(stagedPath)) {
        copier = new FileCopier(task, store, name, log, sizeHint, part != null && !part.first());
        try (copier) {
          body.copy(copier);
        }
      }
      CopyMetrics.counter(task.runId(), CopyMetrics.DATA_READ).inc(copier.bytesRead);
      if (part == null) {
        CopyMetrics.counter(task.runId(), CopyMetrics.DATA_WRITTEN).inc(copier.bytesWritten());
      }
      CopyMetrics.counter(task.runId(), CopyMetrics.ROWS_READ).inc(copier.rowsRead);
      CopyMetrics.counter(task.runId(), CopyMetrics.ROWS_COPIED).inc(copier.rowsCopied);
      CopyMetrics.counter(task.runId(), CopyMetrics.ROWS_SKIPPED).inc(copier.rowsSkipped);
      if (part == null || part.first()) {
        CopyMetrics.counter(task.runId(), CopyMetrics.FILES_WRITTEN).inc();
      }
    }
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Moves a run's staged files into place when all succeeded; otherwise removes them. */
  static final class CommitFn extends DoFn<KV<String, Iterable<SlotResult>>, RunOutcome> {
    private final CommitGate gate;

    CommitFn(CommitGate gate) {
      this.gate = gate;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<SlotResult>> element, OutputReceiver<RunOutcome> out)
        throws IOException {
      List<Staged> staged = new ArrayList<>();
      Set<String> errors = new LinkedHashSet<>();
      CopyTask task = null;
      String queue = null;
      int queued = 0;
      int copied = 0;
      for (SlotResult r : element.getValue()) {
        task = r.task();
        staged.addAll(r.files());
        errors.addAll(r.errors());
        if (r.queue() != null) {
          queue = r.queue();
          queued = r.queued();
          copied += r.copied();
        }
      }
      if (task == null) {
        return;
      }
      if (queue != null) {
        SharedFileQueue.forget(queue);
        if (errors.isEmpty() && copied != queued) {
          errors.add("the run's " + queued + " files were copied " + copied + " times in all (a"
              + " worker was run again by the runner); nothing was committed: run it again");
        }
      }
      Map<String, String> byTarget = new HashMap<>();
      for (Staged s : staged) {
        if (s.part() > 0) {
          continue; // a later part of a split file: its target is its first part's
        }
        String earlier = byTarget.putIfAbsent(s.target(), s.staged());
        if (earlier != null) {
          errors.add("dataset '" + task.sink().dataset() + "': two source files would both be"
              + " written to " + s.target() + "; give the sink no fileName, or copy one file");
        }
      }
      if (!errors.isEmpty()) {
        removeStagingAfterFailure(task);
        out.output(new RunOutcome(element.getKey(), false, List.of(), new ArrayList<>(errors)));
        return;
      }
      String refused = gate == null ? null : gate.refuse(task);
      if (refused != null) {
        removeStagingAfterFailure(task);
        out.output(new RunOutcome(element.getKey(), false, List.of(), List.of(refused)));
        return;
      }
      List<String> targets = staged.stream().map(Staged::target).distinct().sorted().toList();
      try {
        staged = PartJoin.join(task, staged);
      } catch (IOException | RuntimeException e) {
        // a part that does not join (a store that failed, parts that differ): the run fails
        removeStagingAfterFailure(task);
        out.output(new RunOutcome(element.getKey(), false, List.of(), List.of(message(e))));
        return;
      }
      try {
        List<String> previous = readManifest(task);
        StoreFiles.rename(staged.stream().map(Staged::staged).toList(),
            staged.stream().map(Staged::target).toList());
        Set<String> now = new HashSet<>(targets);
        StoreFiles.delete(previous.stream().filter(p -> !now.contains(p)).toList());
        writeManifest(task, targets);
        // nothing staged is left to remove: every staged file was moved into place or joined
      } catch (StoreErrors.StoreException e) {
        // The store failed while committing (it went away): the run fails; what was staged stays
        // hidden under the sink's .adf-beam folder and is removed by the next attempt.
        removeStagingAfterFailure(task);
        out.output(new RunOutcome(element.getKey(), false, List.of(), List.of(e.getMessage())));
        return;
      }
      out.output(new RunOutcome(element.getKey(), true, targets, List.of()));
    }

    /** Removes a failed run's staging where the store still answers; the next attempt does it otherwise. */
    private static void removeStagingAfterFailure(CopyTask task) {
      try {
        removeStaging(task);
      } catch (IOException | RuntimeException e) {
        // the store is unreachable: a later attempt removes the leftovers first thing
      }
    }

    private static List<String> readManifest(CopyTask task) throws IOException {
      byte[] bytes = StoreFiles.readIfExists(manifest(task));
      String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static void writeManifest(CopyTask task, List<String> targets) throws IOException {
      String path = manifest(task);
      String staged = stagedPath(task, "manifest");
      try (OutputStream out = StoreFiles.create(staged)) {
        out.write(String.join("\n", targets).getBytes(StandardCharsets.UTF_8));
      }
      StoreFiles.rename(List.of(staged), List.of(path));
    }
  }
}
