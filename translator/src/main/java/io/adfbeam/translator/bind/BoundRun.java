package io.adfbeam.translator.bind;

import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.transforms.copy.CopyTask;

/** A planned Copy activity run with the concrete copy it performs. */
public record BoundRun(ActivityRun run, CopyTask task) {}
