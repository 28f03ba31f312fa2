package io.adfbeam.translator.load;

import io.adfbeam.translator.json.Diagnostics;
import io.adfbeam.translator.json.JsonReader;
import io.adfbeam.translator.json.JsonValue;
import io.adfbeam.translator.json.JsonValue.JsonArray;
import io.adfbeam.translator.json.JsonValue.JsonObject;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.model.Reference;
import io.adfbeam.translator.model.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a factory from a JSON file, a folder of v1 resources (flat or {@code LinkedServices/},
 * {@code Datasets/} or {@code Tables/}, {@code Pipelines/}), a folder in ADF's Git layout ({@code
 * linkedService/}, {@code dataset/}, {@code pipeline/}, {@code trigger/}, {@code factory/}), or an
 * ARM template with v1 or v2 resources. The kind of each resource is found from its content; the
 * folder name only breaks ties. Never throws for bad input: problems become located diagnostics.
 */
public final class FactoryLoader {

  /** What a JSON document holds. */
  enum Kind {
    LINKED_SERVICE,
    DATASET,
    PIPELINE,
    TRIGGER,
    FACTORY,
    ARM_TEMPLATE,
    UNKNOWN
  }

  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".git", "node_modules", "target", ".vscode", ".idea");
  private static final Pattern ARM_NAME = Pattern.compile("'/?([^'/\\[\\]]+)'\\s*\\)\\s*]\\s*$");

  private final Diagnostics diagnostics = new Diagnostics();
  private final List<LinkedService> linkedServices = new ArrayList<>();
  private final List<Dataset> datasets = new ArrayList<>();
  private final List<Pipeline> pipelines = new ArrayList<>();
  private final List<Trigger> triggers = new ArrayList<>();

  private FactoryLoader() {}

  /** Loads everything under {@code path} (a file or a folder). */
  public static Factory load(Path path) {
    FactoryLoader loader = new FactoryLoader();
    if (Files.isDirectory(path)) {
      loader.loadFolder(path);
    } else if (Files.isRegularFile(path)) {
      loader.loadFile(path, true);
    } else {
      loader.diagnostics.error(SourceLocation.ofFile(path),
          "no such file or folder; expected a factory folder, a resource JSON file or an ARM template");
    }
    return new Factory(loader.linkedServices, loader.datasets, loader.pipelines, loader.triggers,
        loader.diagnostics.sorted());
  }

  private void loadFolder(Path folder) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .filter(p -> folder.relativize(p).getNameCount() == 1 || !skipped(folder.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      diagnostics.error(SourceLocation.ofFile(folder), "cannot list the folder: " + e.getMessage());
      return;
    }
    if (files.isEmpty()) {
      diagnostics.error(SourceLocation.ofFile(folder), "the folder holds no .json files;"
          + " expected ADF definitions (linked services, datasets, pipelines)");
    }
    for (Path file : files) {
      loadFile(file, false);
    }
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      if (SKIPPED_DIRECTORIES.contains(relative.getName(i).toString())) {
        return true;
      }
    }
    return false;
  }

  private void loadFile(Path file, boolean named) {
    JsonReader.Result result = JsonReader.read(file);
    diagnostics.addAll(result.diagnostics());
    if (result.value().isEmpty()) {
      return;
    }
    JsonValue root = result.value().get();
    if (!(root instanceof JsonObject object)) {
      diagnostics.error(root.location(), "expected an ADF resource object, not " + root.kind());
      return;
    }
    Kind kind = classify(object, folderHint(file));
    switch (kind) {
      case ARM_TEMPLATE -> loadArmTemplate(object);
      case FACTORY -> { } // the factory resource itself (name, location, identity): nothing to run
      case UNKNOWN -> {
        String message = "not an ADF resource: expected an object with 'name' and 'properties'"
            + " (a linked service, dataset, pipeline or trigger) or an ARM template with"
            + " 'resources'";
        if (named || isResourceFolder(file)) {
          diagnostics.error(object.location(), message);
        } else {
          diagnostics.warning(object.location(), message + "; ignored");
        }
      }
      default -> resource(kind, object, nameOf(object, file));
    }
  }

  /** The resource name: {@code name}, or for a name-less file, the file name without .json. */
  private String nameOf(JsonObject object, Path file) {
    return object.get("name").flatMap(JsonValue::asText).map(String::trim)
        .filter(n -> !n.isEmpty())
        .orElseGet(() -> {
          String f = file.getFileName().toString();
          String base = f.substring(0, f.length() - ".json".length());
          diagnostics.warning(object.location(), "the resource has no 'name'; using the file name '"
              + base + "'");
          return base;
        });
  }

  private void resource(Kind kind, JsonObject object, String name) {
    Props root = new Props(object, diagnostics);
    Optional<Props> properties = root.object("properties");
    if (properties.isEmpty()) {
      diagnostics.error(object.location(), "missing required property 'properties'");
      return;
    }
    Props p = properties.get();
    switch (kind) {
      case LINKED_SERVICE -> linkedServices.add(LinkedServiceParser.parse(name, p));
      case DATASET -> datasets.add(DatasetParser.parse(name, p));
      case PIPELINE -> pipelines.add(PipelineParser.parse(name, p));
      case TRIGGER -> triggers.add(trigger(name, p));
      default -> throw new IllegalStateException("not a resource kind: " + kind);
    }
  }

  private Trigger trigger(String name, Props p) {
    List<Reference> refs = new ArrayList<>();
    p.array("pipelines").ifPresent(a -> {
      for (JsonValue item : a.items()) {
        if (item instanceof JsonObject o) {
          new Props(o, diagnostics).object("pipelineReference")
              .flatMap(r -> r.string("referenceName"))
              .ifPresent(n -> refs.add(new Reference(n.trim(), o.location())));
        }
      }
    });
    p.object("pipeline").flatMap(x -> x.object("pipelineReference"))
        .flatMap(r -> r.string("referenceName"))
        .ifPresent(n -> refs.add(new Reference(n.trim(), p.at("pipeline"))));
    return new Trigger(name, p.string("type").map(String::trim).orElse(""), refs, p.location());
  }

  /** ARM templates: v1 {@code Microsoft.DataFactory/datafactories/...}, v2 {@code .../factories/...}. */
  private void loadArmTemplate(JsonObject template) {
    ArmValues values = new ArmValues(template);
    template.get("resources").map(values::substitute).ifPresent(r -> armResources(r, ""));
  }

  /**
   * The deploy-time values of an ARM template: a value written exactly as {@code
   * [parameters('x')]} or {@code [variables('x')]} is replaced by the parameter's defaultValue or
   * the variable's value, so templates exported from ADF load with their defaults. Other ARM
   * expressions stay as written and are reported where they are not valid ADF values.
   */
  private static final class ArmValues {
    private static final Pattern REFERENCE =
        Pattern.compile("^\\[\\s*(parameters|variables)\\(\\s*'([^']+)'\\s*\\)\\s*]$",
            Pattern.CASE_INSENSITIVE);
    private final Optional<JsonObject> parameters;
    private final Optional<JsonObject> variables;

    ArmValues(JsonObject template) {
      parameters = template.get("parameters").filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v);
      variables = template.get("variables").filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v);
    }

    JsonValue substitute(JsonValue value) {
      return substitute(value, 0);
    }

    private JsonValue substitute(JsonValue value, int depth) {
      if (depth > 8) {
        return value;
      }
      if (value instanceof JsonValue.JsonString s) {
        Matcher m = REFERENCE.matcher(s.value().trim());
        if (m.matches()) {
          Optional<JsonValue> resolved = m.group(1).equalsIgnoreCase("parameters")
              ? parameters.flatMap(p -> p.get(m.group(2)))
                  .filter(p -> p instanceof JsonObject).flatMap(p -> ((JsonObject) p).get("defaultValue"))
              : variables.flatMap(v -> v.get(m.group(2)));
          return resolved.map(r -> substitute(r, depth + 1)).orElse(value);
        }
        return value;
      }
      if (value instanceof JsonObject o) {
        return new JsonObject(o.members().stream()
            .map(mb -> new JsonValue.Member(mb.name(), mb.nameLocation(), substitute(mb.value(), depth)))
            .toList(), o.location());
      }
      if (value instanceof JsonArray a) {
        return new JsonArray(a.items().stream().map(i -> substitute(i, depth)).toList(), a.location());
      }
      return value;
    }
  }

  private void armResources(JsonValue resources, String parentType) {
    if (!(resources instanceof JsonArray array)) {
      diagnostics.error(resources.location(), "'resources' must be an array");
      return;
    }
    for (JsonValue item : array.items()) {
      if (!(item instanceof JsonObject r)) {
        continue;
      }
      String type = r.get("type").flatMap(JsonValue::asText).orElse("").trim();
      String fullType = type.contains("/") || parentType.isEmpty() ? type : parentType + "/" + type;
      String lower = fullType.toLowerCase(Locale.ROOT);
      Kind kind = armKind(lower);
      if (kind != Kind.UNKNOWN) {
        Optional<String> name = r.get("name").flatMap(JsonValue::asText).flatMap(n -> armName(n, r));
        name.ifPresent(n -> resource(kind, r, n));
      }
      r.get("resources").ifPresent(children -> armResources(children, fullType));
    }
  }

  private static Kind armKind(String type) {
    // A child resource may name its type relative to its parent ("pipelines"), even at the top.
    if (!type.startsWith("microsoft.datafactory/") && type.contains("/")) {
      return Kind.UNKNOWN;
    }
    String last = type.substring(type.lastIndexOf('/') + 1);
    return switch (last) {
      case "linkedservices" -> Kind.LINKED_SERVICE;
      case "datasets" -> Kind.DATASET;
      case "pipelines", "datapipelines" -> Kind.PIPELINE;
      case "triggers" -> Kind.TRIGGER;
      default -> Kind.UNKNOWN;
    };
  }

  /**
   * An ARM resource name: {@code "factory/Name"}, or an expression such as {@code
   * "[concat(parameters('factoryName'), '/Name')]"} whose last literal is the name.
   */
  private Optional<String> armName(String raw, JsonObject resource) {
    String n = raw.trim();
    if (n.startsWith("[")) {
      Matcher m = ARM_NAME.matcher(n);
      if (m.find()) {
        return Optional.of(m.group(1).trim());
      }
      diagnostics.error(resource.get("name").get().location(), "cannot tell the resource name from the"
          + " ARM expression " + n + "; expected a name such as \"[concat(parameters('factoryName'),"
          + " '/MyDataset')]\" or \"factory/MyDataset\"");
      return Optional.empty();
    }
    return Optional.of(n.substring(n.lastIndexOf('/') + 1));
  }

  /** What the folder a file is in says it holds, if anything. */
  private static Kind folderHint(Path file) {
    Path parent = file.getParent();
    if (parent == null) {
      return Kind.UNKNOWN;
    }
    String dir = parent.getFileName().toString().toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (dir) {
      case "linkedservice", "linkedservices" -> Kind.LINKED_SERVICE;
      case "dataset", "datasets", "table", "tables" -> Kind.DATASET;
      case "pipeline", "pipelines" -> Kind.PIPELINE;
      case "trigger", "triggers" -> Kind.TRIGGER;
      case "factory" -> Kind.FACTORY;
      default -> Kind.UNKNOWN;
    };
  }

  private static boolean isResourceFolder(Path file) {
    Kind hint = folderHint(file);
    return hint != Kind.UNKNOWN && hint != Kind.FACTORY;
  }

  /** Decides what a document holds from its content, using the folder only to break ties. */
  static Kind classify(JsonObject root, Kind hint) {
    if (root.get("resources").filter(r -> r instanceof JsonArray).isPresent()
        && (root.has("$schema") || root.has("contentVersion"))) {
      return Kind.ARM_TEMPLATE;
    }
    String schema = root.get("$schema").flatMap(JsonValue::asText).orElse("").toLowerCase(Locale.ROOT);
    Optional<JsonObject> props = root.get("properties")
        .filter(p -> p instanceof JsonObject).map(p -> (JsonObject) p);
    if (props.isEmpty()) {
      return root.has("identity") || root.has("location") && root.has("name")
          ? Kind.FACTORY : Kind.UNKNOWN;
    }
    JsonObject p = props.get();
    String type = p.get("type").flatMap(JsonValue::asText).orElse("").trim().toLowerCase(Locale.ROOT);
    if (hint == Kind.FACTORY && type.isEmpty() && !p.has("activities")) {
      return Kind.FACTORY; // factory/<name>.json: global parameters, identity, repo settings
    }
    if (p.has("activities") || schema.contains("pipeline")) {
      return Kind.PIPELINE;
    }
    if (type.endsWith("trigger") || p.has("pipelines") || schema.contains("trigger")) {
      return Kind.TRIGGER;
    }
    if (p.has("linkedServiceName") || p.has("availability") || schema.contains("table")
        || schema.contains("dataset") || DatasetParser.V2_FILE_TYPES.contains(type)
        || hasTypeProperty(p, "folderPath") || hasTypeProperty(p, "location")) {
      return Kind.DATASET;
    }
    if (p.has("typeProperties") || p.has("connectVia") || schema.contains("linkedservice")) {
      return Kind.LINKED_SERVICE;
    }
    if (!type.isEmpty() && hint != Kind.UNKNOWN && hint != Kind.FACTORY) {
      return hint;
    }
    return root.has("identity") ? Kind.FACTORY : Kind.UNKNOWN;
  }

  private static boolean hasTypeProperty(JsonObject properties, String name) {
    return properties.get("typeProperties")
        .filter(tp -> tp instanceof JsonObject o && o.has(name))
        .isPresent();
  }
}
