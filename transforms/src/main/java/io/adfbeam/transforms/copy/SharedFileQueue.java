package io.adfbeam.transforms.copy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files of one run that the copy slots of one process take one at a time. Used only when the
 * job's workers all run in this JVM (the Direct runner, an embedded Flink, Spark local): a slot
 * that finishes early takes the next file instead of idling while another slot still has a list
 * of its own to work through. Runners place slots by key hash, so 8 files dealt to 8 slots can
 * land 6 and 2 on a 2-slot Flink; taking from one queue keeps every worker busy to the end.
 *
 * <p>A queue counts files handed out; a slot that fails after taking a file reports an error, and
 * a slot run again by the runner (a restarted task) finds the files already handed out, so the
 * commit checks that every file was copied exactly once and fails the run otherwise.
 */
final class SharedFileQueue {
  private static final ConcurrentHashMap<String, AtomicInteger> NEXT = new ConcurrentHashMap<>();

  private SharedFileQueue() {}

  /** The index of the next file of {@code queue} to copy (past the end once all are taken). */
  static int take(String queue) {
    return NEXT.computeIfAbsent(queue, q -> new AtomicInteger()).getAndIncrement();
  }

  /** Drops a queue whose run has been committed or failed. */
  static void forget(String queue) {
    NEXT.remove(queue);
  }

  /** How many queues are open (for tests). */
  static int open() {
    return NEXT.size();
  }
}
