package io.adfbeam.translator.model;

import io.adfbeam.translator.json.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * Everything loaded from a factory's definitions, with the problems found while loading. Names
 * are matched ignoring case, as ADF does.
 */
public record Factory(
    List<LinkedService> linkedServices,
    List<Dataset> datasets,
    List<Pipeline> pipelines,
    List<Trigger> triggers,
    List<Diagnostic> diagnostics) {

  public Factory {
    linkedServices = List.copyOf(linkedServices);
    datasets = List.copyOf(datasets);
    pipelines = List.copyOf(pipelines);
    triggers = List.copyOf(triggers);
    diagnostics = List.copyOf(diagnostics);
  }

  public Optional<LinkedService> linkedService(String name) {
    return find(linkedServices, name);
  }

  public Optional<Dataset> dataset(String name) {
    return find(datasets, name);
  }

  public Optional<Pipeline> pipeline(String name) {
    return find(pipelines, name);
  }

  private static <R extends Resource> Optional<R> find(List<R> resources, String name) {
    return resources.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }
}
