package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.List;

/** A v2 trigger: its type and the pipelines it starts. Kept for planning and lineage. */
public record Trigger(
    String name, String type, List<Reference> pipelines, SourceLocation location)
    implements Resource {
  public Trigger {
    pipelines = List.copyOf(pipelines);
  }
}
