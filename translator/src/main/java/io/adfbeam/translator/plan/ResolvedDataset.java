package io.adfbeam.translator.plan;

import java.util.Optional;

/**
 * A dataset's slice with its folderPath and fileName resolved ({@code {Year}} filled from
 * partitionedBy). Unevaluated v2 expressions are kept as written.
 */
public record ResolvedDataset(
    String dataset, SliceWindow slice, Optional<String> folderPath, Optional<String> fileName) {}
