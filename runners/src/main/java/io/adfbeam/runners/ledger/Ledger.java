package io.adfbeam.runners.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The run ledger: every activity run's latest state, kept in a state folder as an append-only
 * journal ({@value #FILE}) of checksummed JSON lines, one per state change.
 *
 * <p>Crash safety: a batch of changes is appended and forced to disk ({@code fsync}) before the
 * run goes on, so a process killed at any moment loses at most the batch it was writing, and that
 * batch is an incomplete or mis-checksummed last line, which readers ignore and the next writer
 * cuts off. The journal is compacted (latest record per run) on open by writing a new file,
 * forcing it, and renaming it over the old one atomically.
 *
 * <p>One writer at a time: the writer holds an OS lock on {@value #LOCK} in the folder for as long
 * as it is open; a second writer is refused with a message naming the holder's process. The OS
 * releases the lock when a process dies, so an InProgress run found by the next writer has no
 * live owner: it was interrupted. Readers ({@link #read}) take no lock.
 */
public final class Ledger implements AutoCloseable {
  public static final String FILE = "ledger.jsonl";
  public static final String LOCK = "lock";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, LedgerEntry> entries;
  private FileChannel journal;

  private Ledger(Path folder, FileChannel lockChannel, FileLock lock, Map<String, LedgerEntry> entries,
      FileChannel journal) {
    this.folder = folder;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.entries = entries;
    this.journal = journal;
  }

  /**
   * Opens the ledger in {@code folder} (created when missing) for writing.
   *
   * @throws StateBusyException when another process (or another open ledger here) holds it
   */
  public static Ledger open(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path lockFile = folder.resolve(LOCK);
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String holder = "";
      try {
        holder = Files.readString(lockFile).strip();
      } catch (IOException e) {
        // the holder is not known
      }
      channel.close();
      throw new StateBusyException("the state folder " + folder.toAbsolutePath() + " is in use by"
          + " another adf-beam run" + (holder.isEmpty() ? "" : " (" + holder + ")")
          + "; wait for it to end, or give this run another --state folder");
    }
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
          + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      Path file = folder.resolve(FILE);
      Read read = readJournal(file);
      Map<String, LedgerEntry> entries = read.entries;
      if (read.lines > entries.size() * 2L + 64 || read.validBytes < read.totalBytes) {
        compact(folder, entries.values());
      }
      FileChannel journal = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new Ledger(folder, channel, lock, entries, journal);
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  /** The entries of the ledger in {@code folder} (empty when there is none), without locking. */
  public static Map<String, LedgerEntry> read(Path folder) throws IOException {
    return readJournal(folder.resolve(FILE)).entries;
  }

  public Path folder() {
    return folder;
  }

  /** The latest entry of each run, by id, in the order first recorded. */
  public synchronized Map<String, LedgerEntry> entries() {
    return new LinkedHashMap<>(entries);
  }

  public synchronized LedgerEntry get(String id) {
    return entries.get(id);
  }

  /** Records the changes as one batch, durable when this returns. */
  public synchronized void record(Collection<LedgerEntry> changes) throws IOException {
    if (changes.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (LedgerEntry e : changes) {
      sb.append(line(e));
    }
    ByteBuffer buffer = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      journal.write(buffer);
    }
    journal.force(false);
    changes.forEach(e -> entries.put(e.id(), e));
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      journal.close();
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  private static String line(LedgerEntry e) throws IOException {
    String json = JSON.writeValueAsString(e);
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x %s%n", crc.getValue(), json);
  }

  private record Read(Map<String, LedgerEntry> entries, long lines, long validBytes, long totalBytes) {}

  private static Read readJournal(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Read(new LinkedHashMap<>(), 0, 0, 0);
    }
    Map<String, LedgerEntry> entries = new LinkedHashMap<>();
    long lines = 0;
    int start = 0;
    int valid = 0;
    while (start < bytes.length) {
      int nl = indexOf(bytes, (byte) '\n', start);
      if (nl < 0) {
        break; // a line cut short by a crash
      }
      LedgerEntry e = parse(new String(bytes, start, nl - start, StandardCharsets.UTF_8));
      if (e == null) {
        break; // a torn write: nothing after it was acknowledged
      }
      entries.put(e.id(), e);
      lines++;
      start = nl + 1;
      valid = start;
    }
    return new Read(entries, lines, valid, bytes.length);
  }

  private static LedgerEntry parse(String line) {
    if (line.length() < 10 || line.charAt(8) != ' ') {
      return null;
    }
    String json = line.substring(9);
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    try {
      if (Long.parseLong(line.substring(0, 8), 16) != crc.getValue()) {
        return null;
      }
      return JSON.readValue(json, LedgerEntry.class);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Rewrites the journal with one line per run: written aside, forced, renamed atomically. */
  private static void compact(Path folder, Collection<LedgerEntry> entries) throws IOException {
    Path temp = folder.resolve(FILE + ".compact");
    List<String> lines = new ArrayList<>();
    for (LedgerEntry e : entries) {
      lines.add(line(e));
    }
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(String.join("", lines).getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot force a folder; the rename is still atomic
    }
  }
}
