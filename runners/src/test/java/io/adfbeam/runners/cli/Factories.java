package io.adfbeam.runners.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes small hourly v1 factories over local folders for the scheduling tests. */
final class Factories {
  final Path factory;
  final Path in;
  final Path out;

  Factories(Path root) throws IOException {
    factory = Files.createDirectories(root.resolve("factory"));
    in = Files.createDirectories(root.resolve("in"));
    out = root.resolve("out");
    write("LinkedServices/Store.json", "{ \"name\": \"Store\", \"properties\": { \"type\": \"AzureStorage\","
        + " \"typeProperties\": { \"connectionString\": \"DefaultEndpointsProtocol=https;AccountName=a;AccountKey=aw==\" } } }");
  }

  /** A dataset under {@code folder/{Slice}} (SliceStart as yyyyMMddHH), hourly or daily. */
  Factories dataset(String name, String folder, String frequency, boolean external, String policy)
      throws IOException {
    write("Tables/" + name + ".json", "{ \"name\": \"" + name + "\", \"properties\": { \"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"Store\", \"typeProperties\": { \"folderPath\": \"" + folder
        + "/{Slice}\", \"partitionedBy\": [ {\"name\": \"Slice\", \"value\": {\"type\": \"DateTime\","
        + " \"date\": \"SliceStart\", \"format\": \"yyyyMMddHH\"}} ] }, \"external\": " + external + ","
        + " \"availability\": { \"frequency\": \"" + frequency + "\", \"interval\": 1 }"
        + (policy.isEmpty() ? "" : ", \"policy\": " + policy) + " } }");
    return this;
  }

  static String copy(String name, String input, String output, String frequency, String policy) {
    return "{ \"name\": \"" + name + "\", \"type\": \"Copy\", \"inputs\": [{\"name\": \"" + input
        + "\"}], \"outputs\": [{\"name\": \"" + output + "\"}], \"typeProperties\": { \"source\":"
        + " {\"type\": \"BlobSource\"}, \"sink\": {\"type\": \"BlobSink\"} },"
        + (policy.isEmpty() ? "" : " \"policy\": " + policy + ",")
        + " \"scheduler\": { \"frequency\": \"" + frequency + "\", \"interval\": 1 } }";
  }

  Factories pipeline(String name, String start, String end, String extra, String... activities)
      throws IOException {
    write("Pipelines/" + name + ".json", "{ \"name\": \"" + name + "\", \"properties\": {"
        + " \"start\": \"" + start + "\", \"end\": \"" + end + "\"" + extra + ", \"activities\": ["
        + String.join(",", activities) + "] } }");
    return this;
  }

  /** Writes {@code hours} hourly input slices from 2016-01-01T00. */
  Factories inputs(String folder, int hours) throws IOException {
    for (int h = 0; h < hours; h++) {
      input(folder, h);
    }
    return this;
  }

  Path input(String folder, int hour) throws IOException {
    String slice = String.format("201601%02d%02d", 1 + hour / 24, hour % 24);
    Path dir = Files.createDirectories(in.resolve(folder).resolve(slice));
    return Files.writeString(dir.resolve("part.csv"), "slice," + slice + "\n");
  }

  String[] run(String... extra) {
    List<String> args = new ArrayList<>(List.of("run", factory.toString(), "--store", "Store=" + in.toUri()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** Relative path and content of every visible output file, sorted. */
  List<String> outputs() throws IOException {
    if (!Files.exists(in)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(in)) {
      List<String> result = new ArrayList<>();
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = in.relativize(f).toString();
        if (!rel.contains(".adf-beam") && !rel.startsWith("raw")) {
          result.add(rel + "=" + Files.readString(f).strip());
        }
      }
      return result;
    }
  }

  void write(String relative, String json) throws IOException {
    Path file = factory.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }
}
