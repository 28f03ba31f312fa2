package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import io.adfbeam.translator.plan.ResolvedDataset;
import io.adfbeam.translator.plan.SliceWindow;
import io.adfbeam.translator.validate.FactoryValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Data Lake Store seed's samples, read from the seed document itself, load, validate and plan
 * as the document describes.
 */
class SeedSamplesTest {
  private static final SeedDocument SEED =
      SeedDocument.withTitle("Move data to and from Azure Data Lake Store using Azure Data Factory");

  @TempDir Path temp;

  @Test
  void theSeedHoldsBothSamplesAndTheAuthenticationExamples() {
    assertThat(SEED.blocks()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(SEED.blocks().subList(0, 5)).extracting(SeedDocument::nameOf).containsExactly(
        "StorageLinkedService", "AzureDataLakeStoreLinkedService", "AzureBlobInput",
        "AzureDataLakeStoreOutput", "SamplePipeline");
    assertThat(SEED.blocks().subList(5, 10)).extracting(SeedDocument::nameOf).containsExactly(
        "AzureDataLakeStoreLinkedService", "StorageLinkedService", "AzureDataLakeStoreInput",
        "AzureBlobOutput", "SamplePipeline");
  }

  @Test
  void blobToDataLakeLoadsIntoTheTypedModel() throws Exception {
    Factory factory = FactoryLoader.load(SEED.writeFactory(temp, 0, 5));

    assertThat(FactoryValidator.validate(factory)).isEmpty();
    assertThat(factory.linkedService("StorageLinkedService")).get()
        .isInstanceOf(LinkedService.AzureBlobStorage.class);
    LinkedService.AzureDataLakeStore adls = (LinkedService.AzureDataLakeStore)
        factory.linkedService("AzureDataLakeStoreLinkedService").orElseThrow();
    assertThat(adls.dataLakeStoreUri()).contains("https://<accountname>.azuredatalakestore.net/webhdfs/v1");
    assertThat(adls.servicePrincipalKey().orElseThrow().toString()).isEqualTo("******");

    Dataset.FileDataset input = (Dataset.FileDataset) factory.dataset("AzureBlobInput").orElseThrow();
    assertThat(input.external()).isTrue();
    assertThat(input.partitionedBy()).extracting(p -> p.name() + "=" + p.date() + ":" + p.format())
        .containsExactly("Year=SliceStart:yyyy", "Month=SliceStart:MM", "Day=SliceStart:dd",
            "Hour=SliceStart:HH");
    assertThat(input.availability().orElseThrow().frequency()).isEqualTo(Availability.Frequency.HOUR);
    var external = input.policy().externalData().orElseThrow();
    assertThat(external.retryInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(external.retryTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(external.maximumRetry()).isEqualTo(3);

    Activity.CopyActivity copy = (Activity.CopyActivity)
        factory.pipeline("SamplePipeline").orElseThrow().activity("AzureBlobtoDataLake").orElseThrow();
    assertThat(copy.source().type()).isEqualTo("BlobSource");
    assertThat(copy.sink().type()).isEqualTo("AzureDataLakeStoreSink");
    assertThat(copy.policy().timeout()).contains(Duration.ofHours(1));
  }

  @Test
  void blobToDataLakeHasOneHourlySliceBetween18And19() throws Exception {
    Factory factory = FactoryLoader.load(SEED.writeFactory(temp, 0, 5));

    Plan plan = Planner.plan(factory, PlanRequest.ALL);

    assertThat(plan.diagnostics()).isEmpty();
    assertThat(plan.runs()).hasSize(1);
    ActivityRun run = plan.runs().get(0);
    assertThat(run.slice()).isEqualTo(new SliceWindow(at(18), at(19)));
    assertThat(run.inputs()).containsExactly(new ResolvedDataset("AzureBlobInput", run.slice(),
        Optional.of("mycontainer/myfolder/yearno=2014/monthno=06/dayno=01"), Optional.empty()));
    assertThat(run.outputs()).containsExactly(new ResolvedDataset("AzureDataLakeStoreOutput",
        run.slice(), Optional.of("datalake/output/"), Optional.empty()));
    assertThat(run.dependsOn()).isEmpty();
  }

  @Test
  void aWindowPlansEveryHourlySliceInIt() throws Exception {
    Factory factory = FactoryLoader.load(SEED.writeFactory(temp, 0, 5));

    Plan plan = Planner.plan(factory, new PlanRequest(Optional.of("SamplePipeline"),
        Optional.of(SliceWindow.parse("2014-06-01T18:00:00Z/2014-06-01T21:00:00Z"))));

    assertThat(plan.runs()).extracting(r -> r.slice().toString()).containsExactly(
        "2014-06-01T18:00:00Z/2014-06-01T19:00:00Z",
        "2014-06-01T19:00:00Z/2014-06-01T20:00:00Z",
        "2014-06-01T20:00:00Z/2014-06-01T21:00:00Z");
  }

  @Test
  void dataLakeToBlobLoadsDespiteItsTrailingCommaAndWritesHourlyFolders() throws Exception {
    assertThat(SEED.blocks().get(9)).as("the seed's own pipeline has a trailing comma")
        .containsPattern("\"AzureDataLakeStoreSource\",\\s*}");
    Factory factory = FactoryLoader.load(SEED.writeFactory(temp, 5, 10));

    assertThat(FactoryValidator.validate(factory)).isEmpty();
    Dataset.FileDataset in = (Dataset.FileDataset) factory.dataset("AzureDataLakeStoreInput").orElseThrow();
    assertThat(in.fileName().orElseThrow().text()).isEqualTo("SearchLog.tsv");
    assertThat(in.format().orElseThrow()).isInstanceOfSatisfying(
        io.adfbeam.translator.model.Format.TextFormat.class, f -> {
          assertThat(f.columnDelimiter()).contains("\t");
          assertThat(f.rowDelimiter()).contains("\n");
        });

    Plan plan = Planner.plan(factory, PlanRequest.ALL);
    assertThat(plan.runs()).hasSize(1);
    ActivityRun run = plan.runs().get(0);
    assertThat(run.id().activity()).isEqualTo("AzureDakeLaketoBlob");
    assertThat(run.inputs()).extracting(r -> r.folderPath().orElseThrow() + r.fileName().orElseThrow())
        .containsExactly("datalake/input/SearchLog.tsv");
    assertThat(run.outputs()).extracting(r -> r.folderPath().orElseThrow())
        .containsExactly("mycontainer/myfolder/yearno=2014/monthno=06/dayno=01/hourno=18");
  }

  @Test
  void userCredentialAuthenticationIsReportedAsUnsupportedWithTheAlternative() throws Exception {
    String userCredential = SEED.blocks().stream()
        .filter(b -> b.contains("\"sessionId\"")).findFirst().orElseThrow();
    Path file = temp.resolve("AzureDataLakeStoreLinkedService.json");
    Files.writeString(file, userCredential, StandardCharsets.UTF_8);

    List<Diagnostic> diagnostics = FactoryValidator.validate(FactoryLoader.load(file));

    int line = lineOf(userCredential, "\"sessionId\"");
    assertThat(diagnostics).extracting(Diagnostic::toString).containsExactly(
        file + ":" + line + ":26 /properties/typeProperties/sessionId: user credential"
            + " authentication (sessionId/authorization) is not supported: it needs an interactive"
            + " Azure sign-in from the Data Factory editor, and its token expires; use service"
            + " principal authentication instead (servicePrincipalId, servicePrincipalKey, tenant)");
  }

  private static int lineOf(String text, String needle) {
    String before = text.substring(0, text.indexOf(needle));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }

  private static LocalDateTime at(int hour) {
    return LocalDateTime.of(2014, 6, 1, hour, 0);
  }
}
