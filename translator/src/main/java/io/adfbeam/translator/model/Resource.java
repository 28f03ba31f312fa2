package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;

/** A named top-level definition: linked service, dataset, pipeline or trigger. */
public sealed interface Resource permits LinkedService, Dataset, Pipeline, Trigger {
  String name();

  /** Where the resource's definition starts. */
  SourceLocation location();
}
