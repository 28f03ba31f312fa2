package io.adfbeam.examples.bench;

/** Wall-clock seconds of a timed step and the CPU seconds (user + system) its processes used. */
record Timing(double seconds, double cpuSeconds) {}
