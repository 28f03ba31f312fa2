package io.adfbeam.translator.load;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.Encodings;
import io.adfbeam.translator.json.JsonValue;
import io.adfbeam.translator.json.JsonValue.JsonObject;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.AdfVersion;
import io.adfbeam.translator.model.Column;
import io.adfbeam.translator.model.Compression;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.DatasetPolicy;
import io.adfbeam.translator.model.Format;
import io.adfbeam.translator.model.Parameter;
import io.adfbeam.translator.model.Partition;
import io.adfbeam.translator.model.Reference;
import io.adfbeam.translator.time.TimeSpans;
import io.adfbeam.translator.time.V1Expressions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a dataset's {@code properties} (v1 table or v2 dataset) into a typed {@link Dataset}. */
final class DatasetParser {
  /** v1 file dataset types. */
  static final Set<String> V1_FILE_TYPES = Set.of("azureblob", "azuredatalakestore", "fileshare");
  /** v2 file dataset types and the format each implies. */
  static final Set<String> V2_FILE_TYPES =
      Set.of("delimitedtext", "json", "avro", "orc", "parquet", "binary");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private DatasetParser() {}

  static Dataset parse(String name, Props properties) {
    String type = properties.string("type").map(String::trim).orElse("");
    if (!properties.has("type")) {
      properties.diagnostics().error(properties.location(), "missing required property 'type'");
    }
    String key = type.toLowerCase(Locale.ROOT);
    AdfVersion version = versionOf(properties, key);
    Reference linkedService = linkedService(properties);
    List<Column> structure = structure(properties, version);
    Optional<io.adfbeam.translator.model.Availability> availability =
        properties.object("availability").flatMap(AvailabilityParser::parse);
    if (version == AdfVersion.V1 && availability.isEmpty() && !properties.has("availability")) {
      properties.diagnostics()
          .error(
              properties.location(),
              "missing required property 'availability'; a v1 dataset needs its slice schedule,"
                  + " e.g. {\"frequency\": \"Hour\", \"interval\": 1}");
    }
    boolean external = properties.bool("external").orElse(false);
    DatasetPolicy policy = properties.object("policy").map(DatasetParser::policy).orElse(DatasetPolicy.NONE);
    Map<String, Parameter> parameters = ParameterParser.parameters(properties);
    Props tp =
        properties.object("typeProperties")
            .orElse(Props.empty(properties.location(), properties.diagnostics()));

    if (V1_FILE_TYPES.contains(key)) {
      Optional<AdfString> folderPath = tp.adfString("folderPath");
      if (folderPath.isEmpty() && !tp.has("folderPath")) {
        tp.diagnostics()
            .error(tp.location(), "missing required property 'folderPath'; " + withArticle(type)
                + " dataset needs the folder (for Blob: container/folder) its files are in");
      }
      Optional<AdfString> fileName = tp.adfString("fileName");
      List<Partition> partitions = partitions(tp);
      checkPlaceholders(tp, "folderPath", folderPath, partitions);
      checkPlaceholders(tp, "fileName", fileName, partitions);
      Optional<Format> format = tp.object("format").flatMap(DatasetParser::v1Format);
      Optional<Compression> compression = tp.object("compression").flatMap(DatasetParser::compression);
      checkCompressionAllowed(tp, format, compression);
      return new Dataset.FileDataset(
          name, type, version, linkedService, folderPath, fileName, tp.adfString("fileFilter"),
          partitions, format, compression, structure, availability, external, policy, parameters,
          properties.location());
    }
    if (V2_FILE_TYPES.contains(key)) {
      Optional<Props> location = tp.object("location");
      if (location.isEmpty() && !tp.has("location")) {
        tp.diagnostics()
            .error(tp.location(), "missing required property 'location'; " + withArticle(type)
                + " dataset needs a location such as {\"type\": \"AzureBlobStorageLocation\","
                + " \"container\": ..., \"folderPath\": ..., \"fileName\": ...}");
      }
      Optional<AdfString> folderPath = location.flatMap(DatasetParser::v2FolderPath);
      Optional<AdfString> fileName = location.flatMap(l -> l.adfString("fileName"));
      Optional<Format> format = v2Format(key, tp);
      Optional<Compression> compression = v2Compression(key, tp);
      return new Dataset.FileDataset(
          name, type, version, linkedService, folderPath, fileName, Optional.empty(), List.of(),
          format, compression, structure, availability, external, policy, parameters,
          properties.location());
    }
    return new Dataset.Unsupported(
        name, type, version, linkedService, structure, availability, external, policy, parameters,
        properties.location());
  }

  private static AdfVersion versionOf(Props properties, String key) {
    if (V2_FILE_TYPES.contains(key)
        || properties.raw("linkedServiceName").filter(v -> v instanceof JsonObject).isPresent()
        || properties.has("schema")
        || properties.has("parameters")) {
      return AdfVersion.V2;
    }
    return AdfVersion.V1;
  }

  /** v1 writes {@code "linkedServiceName": "X"}; v2 writes {@code {"referenceName": "X"}}. */
  static Reference linkedService(Props properties) {
    Optional<JsonValue> raw = properties.raw("linkedServiceName");
    if (raw.isEmpty()) {
      properties.diagnostics().error(properties.location(),
          "missing required property 'linkedServiceName'; a dataset names the linked service"
              + " its data lives in");
      return new Reference("", properties.location());
    }
    if (raw.get() instanceof JsonObject o) {
      Props ref = new Props(o, properties.diagnostics());
      Optional<String> name = ref.requiredString("referenceName", "");
      return new Reference(name.orElse(""), o.location());
    }
    return new Reference(properties.string("linkedServiceName").orElse("").trim(), raw.get().location());
  }

  private static List<Column> structure(Props properties, AdfVersion version) {
    List<Column> columns = new ArrayList<>();
    String member = properties.has("structure") ? "structure" : "schema";
    if (member.equals("schema") && !(properties.raw("schema").orElse(null) instanceof JsonValue.JsonArray)) {
      return columns; // a v2 Json dataset may hold a JSON Schema object here
    }
    properties.array(member).ifPresent(array -> {
      for (JsonValue item : array.items()) {
        if (!(item instanceof JsonObject o)) {
          properties.diagnostics().error(item.location(), "a " + member + " column must be an object");
          continue;
        }
        Props c = new Props(o, properties.diagnostics());
        Optional<String> name = c.requiredString("name", "");
        Optional<AdfType> type = c.string("type").flatMap(t -> {
          Optional<AdfType> parsed = AdfType.fromAdfName(t);
          if (parsed.isEmpty() && member.equals("structure")) {
            c.error("type", "unknown column type '" + t + "'; expected " + AdfType.allowedNames());
          }
          return parsed;
        });
        Optional<String> culture = c.string("culture");
        Optional<String> format = c.string("format");
        if ((culture.isPresent() || format.isPresent())
            && type.isPresent() && !type.get().isDateTime()) {
          properties.diagnostics().warning(o.location(), "culture and format apply only to"
              + " Datetime and Datetimeoffset columns; ignored for " + type.get().adfName());
        }
        name.ifPresent(n -> columns.add(new Column(n, type, culture, format, o.location())));
      }
    });
    return columns;
  }

  private static DatasetPolicy policy(Props policy) {
    Optional<DatasetPolicy.ExternalData> external = policy.object("externalData").map(e ->
        new DatasetPolicy.ExternalData(
            e.parsed("dataDelay", TimeSpans::parse).orElse(Duration.ZERO),
            e.parsed("retryInterval", TimeSpans::parse).orElse(DatasetPolicy.DEFAULT_RETRY_INTERVAL),
            e.parsed("retryTimeout", TimeSpans::parse).orElse(DatasetPolicy.DEFAULT_RETRY_TIMEOUT),
            e.integer("maximumRetry", 0, 1_000).map(Long::intValue)
                .orElse(DatasetPolicy.DEFAULT_MAXIMUM_RETRY),
            e.location()));
    Optional<DatasetPolicy.Validation> validation = policy.object("validation").map(v ->
        new DatasetPolicy.Validation(
            v.decimal("minimumSizeMB").map(OptionalDouble::of).orElse(OptionalDouble.empty()),
            v.integer("minimumRows", 0, Long.MAX_VALUE).map(OptionalLong::of).orElse(OptionalLong.empty()),
            v.location()));
    return new DatasetPolicy(external, validation);
  }

  private static List<Partition> partitions(Props tp) {
    List<Partition> partitions = new ArrayList<>();
    tp.array("partitionedBy").ifPresent(array -> {
      for (JsonValue item : array.items()) {
        if (!(item instanceof JsonObject o)) {
          tp.diagnostics().error(item.location(), "a partitionedBy entry must be an object");
          continue;
        }
        Props p = new Props(o, tp.diagnostics());
        Optional<String> name = p.requiredString("name", "");
        Optional<Props> value = p.object("value");
        if (value.isEmpty()) {
          p.diagnostics().error(o.location(), "missing required property 'value'; expected"
              + " {\"type\": \"DateTime\", \"date\": \"SliceStart\", \"format\": \"yyyy\"}");
          continue;
        }
        Props v = value.get();
        String valueType = v.string("type").orElse("DateTime").trim();
        if (!valueType.equalsIgnoreCase("DateTime")) {
          v.error("type", "unknown partitionedBy value type '" + valueType + "'; expected DateTime");
        }
        Optional<String> date = v.requiredString("date", "SliceStart or SliceEnd");
        date.filter(d -> !isSliceVariable(d))
            .ifPresent(d -> v.error("date", "unknown date '" + d + "'; expected SliceStart, SliceEnd,"
                + " WindowStart or WindowEnd"));
        Optional<String> format = v.string("format");
        if (name.isPresent() && date.isPresent()) {
          partitions.add(new Partition(name.get(), date.get().trim(), format.orElse(""), o.location()));
        }
      }
    });
    return partitions;
  }

  static boolean isSliceVariable(String s) {
    return Set.of("slicestart", "sliceend", "windowstart", "windowend")
        .contains(s.trim().toLowerCase(Locale.ROOT));
  }

  private static void checkPlaceholders(
      Props tp, String member, Optional<AdfString> value, List<Partition> partitions) {
    if (value.isEmpty() || value.get().isExpression()) {
      return;
    }
    if (V1Expressions.isExpression(value.get().text())) {
      V1Expressions.problem(value.get().text())
          .ifPresent(problem -> tp.error(member, "invalid " + member + " function: " + problem));
      return;
    }
    Set<String> defined = new LinkedHashSet<>();
    partitions.forEach(p -> defined.add(p.name().toLowerCase(Locale.ROOT)));
    Matcher m = PLACEHOLDER.matcher(value.get().text());
    while (m.find()) {
      String name = m.group(1);
      if (!defined.contains(name.toLowerCase(Locale.ROOT))) {
        tp.error(member, "'{" + name + "}' in " + member + " is not defined by partitionedBy; "
            + (partitions.isEmpty() ? "add a partitionedBy entry named '" + name + "'"
                : "defined: " + String.join(", ", partitions.stream().map(Partition::name).toList())));
      }
    }
  }

  private static Optional<Format> v1Format(Props f) {
    Optional<String> type = f.requiredString("type", "expected TextFormat, JsonFormat, AvroFormat, OrcFormat or ParquetFormat");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return switch (type.get().trim().toLowerCase(Locale.ROOT)) {
      case "textformat" -> Optional.of(textFormat(f, AdfVersion.V1));
      case "jsonformat" -> Optional.of(jsonFormat(f));
      case "avroformat" -> Optional.of(new Format.AvroFormat(f.location()));
      case "orcformat" -> Optional.of(new Format.OrcFormat(f.location()));
      case "parquetformat" -> Optional.of(new Format.ParquetFormat(f.location()));
      default -> {
        f.error("type", "unknown format type '" + type.get() + "'; expected TextFormat, JsonFormat,"
            + " AvroFormat, OrcFormat or ParquetFormat");
        yield Optional.empty();
      }
    };
  }

  private static Format.TextFormat textFormat(Props f, AdfVersion version) {
    Optional<String> columnDelimiter = f.string("columnDelimiter");
    columnDelimiter.filter(d -> d.length() != 1).ifPresent(d -> f.error("columnDelimiter",
        "columnDelimiter must be exactly one character, not '" + printable(d) + "'"));
    Optional<String> rowDelimiter = f.string("rowDelimiter");
    rowDelimiter.filter(d -> d.length() != 1 && !d.equals("\r\n")).ifPresent(d -> f.error("rowDelimiter",
        "rowDelimiter must be one character (or \\r\\n), not '" + printable(d) + "'"));
    Optional<String> escapeChar = f.string("escapeChar");
    escapeChar.filter(d -> d.length() != 1).ifPresent(d -> f.error("escapeChar",
        "escapeChar must be exactly one character, not '" + printable(d) + "'"));
    Optional<String> quoteChar = f.string("quoteChar");
    quoteChar.filter(d -> d.length() > 1).ifPresent(d -> f.error("quoteChar",
        "quoteChar must be exactly one character, not '" + printable(d) + "'"));
    if (version == AdfVersion.V1 && escapeChar.isPresent() && quoteChar.filter(q -> !q.isEmpty()).isPresent()) {
      f.error("escapeChar", "escapeChar and quoteChar cannot both be set in a TextFormat; use one");
    }
    Optional<String> encoding = f.string("encodingName");
    encoding.filter(e -> Encodings.forDotNetName(e).isEmpty()).ifPresent(e -> f.error("encodingName",
        "unknown encodingName '" + e + "'; expected a .NET encoding name such as UTF-8, UTF-16,"
            + " windows-1250, windows-1252, ISO-8859-1, shift_jis or gb2312"));
    return new Format.TextFormat(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        version == AdfVersion.V2 ? quoteChar.or(() -> Optional.of("\"")) : quoteChar,
        f.string("nullValue"),
        encoding,
        f.bool("firstRowAsHeader").orElse(false),
        f.integer("skipLineCount", 0, Integer.MAX_VALUE).map(Long::intValue).orElse(0),
        f.bool("treatEmptyAsNull").orElse(true),
        f.location());
  }

  private static Format.JsonFormat jsonFormat(Props f) {
    Format.JsonFilePattern pattern =
        f.enumValue("filePattern", Format.JsonFilePattern.class, "JSON filePattern")
            .orElse(Format.JsonFilePattern.SET_OF_OBJECTS);
    Map<String, String> paths = new LinkedHashMap<>();
    f.object("jsonPathDefinition").ifPresent(p -> {
      for (JsonValue.Member m : p.json().members()) {
        m.value().asText().ifPresentOrElse(
            path -> paths.put(m.name(), path),
            () -> f.diagnostics().error(m.value().location(), "a jsonPathDefinition path must be a string"));
      }
    });
    Optional<String> encoding = f.string("encodingName");
    encoding.filter(e -> Encodings.forDotNetName(e).isEmpty()).ifPresent(e -> f.error("encodingName",
        "unknown encodingName '" + e + "'; expected a .NET encoding name such as UTF-8 or UTF-16"));
    return new Format.JsonFormat(pattern, encoding, f.string("nestingSeparator"),
        f.string("jsonNodeReference"), paths, f.location());
  }

  private static Optional<Compression> compression(Props c) {
    Optional<String> type = c.requiredString("type", "expected GZip, Deflate, BZip2 or ZipDeflate");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Optional<CompressionType> codec = CompressionType.fromAdfName(type.get());
    if (codec.isEmpty()) {
      c.error("type", "unknown compression '" + type.get() + "'; expected GZip, Deflate, BZip2 or ZipDeflate");
    }
    Optional<CompressionLevel> level = c.string("level").flatMap(l -> {
      Optional<CompressionLevel> parsed = CompressionLevel.fromAdfName(l);
      if (parsed.isEmpty()) {
        c.error("level", "unknown compression level '" + l + "'; expected Optimal or Fastest");
      }
      return parsed;
    });
    return codec.map(t -> new Compression(t, level, c.location()));
  }

  private static void checkCompressionAllowed(Props tp, Optional<Format> format, Optional<Compression> compression) {
    if (compression.isEmpty() || format.isEmpty()) {
      return;
    }
    Format f = format.get();
    if (f instanceof Format.AvroFormat || f instanceof Format.OrcFormat || f instanceof Format.ParquetFormat) {
      tp.error("compression", "a compression block is not allowed with " + f.typeName()
          + ": the codec is stored inside the file (ADF writes ORC with ZLIB and Parquet with"
          + " SNAPPY); remove 'compression'");
    }
  }

  private static Optional<AdfString> v2FolderPath(Props location) {
    Optional<AdfString> container = location.adfString("container").or(() -> location.adfString("fileSystem"));
    Optional<AdfString> folder = location.adfString("folderPath");
    if (container.isEmpty()) {
      return folder;
    }
    if (folder.isEmpty()) {
      return container;
    }
    if (!container.get().isExpression() && !folder.get().isExpression()) {
      return Optional.of(new AdfString.Literal(container.get().text() + "/" + folder.get().text()));
    }
    // Joined as ADF string interpolation, so the result is still one valid expression:
    // container "lake" and folderPath "@dataset().folder" give "lake/@{dataset().folder}".
    return Optional.of(new AdfString.Expression(
        interpolated(container.get()) + "/" + interpolated(folder.get())));
  }

  /** A part of an interpolated string: literal text as is, {@code @x} as {@code @{x}}. */
  private static String interpolated(AdfString part) {
    String text = part.text();
    if (!part.isExpression() || text.startsWith("@{") || !text.startsWith("@")) {
      return text;
    }
    return "@{" + text.substring(1) + "}";
  }

  /** "an AzureBlob", "a FileShare": the word with its indefinite article, for messages. */
  static String withArticle(String word) {
    return (!word.isEmpty() && "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  private static Optional<Format> v2Format(String key, Props tp) {
    return switch (key) {
      case "delimitedtext" -> Optional.of(textFormat(tp, AdfVersion.V2));
      case "json" -> Optional.of(jsonFormat(tp));
      case "avro" -> Optional.of(new Format.AvroFormat(tp.location()));
      case "orc" -> Optional.of(new Format.OrcFormat(tp.location()));
      case "parquet" -> Optional.of(new Format.ParquetFormat(tp.location()));
      default -> Optional.empty();
    };
  }

  /** v2 text and binary datasets name their codec in {@code compressionCodec} or {@code compression}. */
  private static Optional<Compression> v2Compression(String key, Props tp) {
    if (tp.has("compression")) {
      return tp.object("compression").flatMap(DatasetParser::compression);
    }
    if (!tp.has("compressionCodec") || key.equals("parquet") || key.equals("orc") || key.equals("avro")) {
      return Optional.empty(); // columnar codecs (snappy, zlib) live inside the file
    }
    Optional<String> codec = tp.string("compressionCodec");
    if (codec.isEmpty()) {
      return Optional.empty();
    }
    String c = codec.get().trim().toLowerCase(Locale.ROOT);
    Optional<CompressionType> type = switch (c) {
      case "gzip" -> Optional.of(CompressionType.GZIP);
      case "deflate" -> Optional.of(CompressionType.DEFLATE);
      case "bzip2" -> Optional.of(CompressionType.BZIP2);
      case "zipdeflate" -> Optional.of(CompressionType.ZIP_DEFLATE);
      case "none", "" -> Optional.empty();
      default -> {
        if (!c.startsWith("@")) {
          tp.error("compressionCodec", "unsupported compressionCodec '" + codec.get()
              + "'; expected gzip, deflate, bzip2, zipDeflate or none");
        }
        yield Optional.empty();
      }
    };
    Optional<CompressionLevel> level = tp.string("compressionLevel").flatMap(CompressionLevel::fromAdfName);
    SourceLocation at = tp.at("compressionCodec");
    return type.map(t -> new Compression(t, level, at));
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch < 0x20 || ch == 0x7f) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
