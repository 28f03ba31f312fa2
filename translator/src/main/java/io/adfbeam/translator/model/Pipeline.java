package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline: its activities and, in v1, the active period whose slices run. Times are UTC.
 */
public record Pipeline(
    String name,
    AdfVersion version,
    Optional<String> description,
    Optional<LocalDateTime> start,
    Optional<LocalDateTime> end,
    boolean isPaused,
    PipelineMode pipelineMode,
    List<Activity> activities,
    Map<String, Parameter> parameters,
    SourceLocation location)
    implements Resource {

  public Pipeline {
    activities = List.copyOf(activities);
    parameters = Parameter.copyOf(parameters);
  }

  /** v1 {@code pipelineMode}. */
  public enum PipelineMode implements AdfEnum {
    SCHEDULED("Scheduled"),
    ONE_TIME("OneTime");

    private final String adfName;

    PipelineMode(String adfName) {
      this.adfName = adfName;
    }

    @Override
    public String adfName() {
      return adfName;
    }
  }

  public Optional<Activity> activity(String name) {
    return activities.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
  }
}
