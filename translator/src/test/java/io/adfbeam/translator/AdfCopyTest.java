package io.adfbeam.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.translator.bind.StoreMapping;
import io.adfbeam.transforms.copy.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: a factory's Copy activity applied to the caller's own pipeline. */
class AdfCopyTest {
  @TempDir Path temp;

  @Test
  void copiesEverySliceOfTheWindowInTheCallersPipeline() throws IOException {
    Path factoryDir = factory();
    for (int day = 1; day <= 2; day++) {
      Path folder = Files.createDirectories(temp.resolve("in/logs/2016-03-0" + day));
      Files.writeString(folder.resolve("part.txt"), "day " + day + "\n");
    }
    AdfFactory factory = AdfFactory.load(factoryDir);
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());

    PCollection<RunOutcome> outcomes = pipeline.apply(AdfCopy.of(factory, "Daily", "CopyLogs")
        .forWindow(LocalDateTime.parse("2016-03-01T00:00"), LocalDateTime.parse("2016-03-03T00:00"))
        .withStores(StoreMapping.parse(List.of("Store=" + temp.resolve("in"),
            "Lake=" + temp.resolve("out")))));
    PAssert.that(outcomes.apply(MapElements.into(TypeDescriptors.strings())
            .via((RunOutcome o) -> o.runId() + " " + o.succeeded())))
        .containsInAnyOrder("Daily/CopyLogs@2016-03-01T00:00:00Z true",
            "Daily/CopyLogs@2016-03-02T00:00:00Z true");
    pipeline.run().waitUntilFinish();

    assertThat(Files.readString(temp.resolve("out/copied/2016-03-01/part.txt"))).isEqualTo("day 1\n");
    assertThat(Files.readString(temp.resolve("out/copied/2016-03-02/part.txt"))).isEqualTo("day 2\n");
  }

  @Test
  void anUnknownActivityIsALocatedError() throws IOException {
    AdfFactory factory = AdfFactory.load(factory());

    assertThatThrownBy(() -> AdfCopy.of(factory, "Daily", "Nope").tasks())
        .isInstanceOf(InvalidFactoryException.class)
        .hasMessage("<embedding>:1:1 /: pipeline 'Daily' has no activity named 'Nope'");
  }

  @Test
  void anInvalidFactoryIsRefusedWithEveryError() throws IOException {
    Path dir = factory();
    Files.writeString(dir.resolve("Tables/Out.json"), Files.readString(dir.resolve("Tables/Out.json"))
        .replace("\"Lake\"", "\"Nowhere\""));

    assertThatThrownBy(() -> AdfFactory.load(dir))
        .isInstanceOf(InvalidFactoryException.class)
        .hasMessageContaining("Out.json:1:")
        .hasMessageContaining("refers to linked service 'Nowhere', which is not defined");
  }

  private Path factory() throws IOException {
    Path dir = temp.resolve("factory");
    write(dir.resolve("LinkedServices/Store.json"), "{\"name\": \"Store\", \"properties\": {\"type\":"
        + " \"AzureStorage\", \"typeProperties\": {\"connectionString\": \"AccountName=a;AccountKey=k\"}}}");
    write(dir.resolve("LinkedServices/Lake.json"), "{\"name\": \"Lake\", \"properties\": {\"type\":"
        + " \"AzureStorage\", \"typeProperties\": {\"connectionString\": \"AccountName=b;AccountKey=k\"}}}");
    String partition = "\"partitionedBy\": [{\"name\": \"Day\", \"value\": {\"type\": \"DateTime\","
        + " \"date\": \"SliceStart\", \"format\": \"yyyy-MM-dd\"}}]";
    write(dir.resolve("Tables/In.json"), "{\"name\": \"In\", \"properties\": {\"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"Store\", \"typeProperties\": {\"folderPath\": \"logs/{Day}\", "
        + partition + "}, \"external\": true, \"availability\": {\"frequency\": \"Day\", \"interval\": 1}}}");
    write(dir.resolve("Tables/Out.json"), "{\"name\": \"Out\", \"properties\": {\"type\": \"AzureBlob\","
        + " \"linkedServiceName\": \"Lake\", \"typeProperties\": {\"folderPath\": \"copied/{Day}\", "
        + partition + "}, \"availability\": {\"frequency\": \"Day\", \"interval\": 1}}}");
    write(dir.resolve("Pipelines/Daily.json"), "{\"name\": \"Daily\", \"properties\": {\"start\":"
        + " \"2016-03-01T00:00:00Z\", \"end\": \"2016-03-02T00:00:00Z\", \"activities\": [{\"name\":"
        + " \"CopyLogs\", \"type\": \"Copy\", \"inputs\": [{\"name\": \"In\"}], \"outputs\": [{\"name\":"
        + " \"Out\"}], \"typeProperties\": {\"source\": {\"type\": \"BlobSource\"}, \"sink\": {\"type\":"
        + " \"BlobSink\"}}, \"scheduler\": {\"frequency\": \"Day\", \"interval\": 1}}]}}");
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
