package io.adfbeam.translator.load;

import static io.adfbeam.translator.Fixtures.load;
import static io.adfbeam.translator.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.Activity.CopyActivity;
import io.adfbeam.translator.model.Activity.CopyBehavior;
import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.AdfVersion;
import io.adfbeam.translator.model.Availability.Frequency;
import io.adfbeam.translator.model.Availability.Style;
import io.adfbeam.translator.model.Column;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Dataset.FileDataset;
import io.adfbeam.translator.model.DatasetPolicy.ExternalData;
import io.adfbeam.translator.model.DatasetRef;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Format;
import io.adfbeam.translator.model.Format.JsonFilePattern;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.model.Parameter;
import io.adfbeam.translator.model.Partition;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.model.Resource;
import io.adfbeam.translator.model.Secret;
import io.adfbeam.translator.model.Trigger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fixtures that load into the model with every value written in them, and no diagnostics. */
class ModelRoundTripTest {

  @Test
  void seedBlobInputIsAnExternalHourlyFileDataset() {
    FileDataset dataset = only(load("seed-blob-input/AzureBlobInput.json"));

    assertThat(dataset.name()).isEqualTo("AzureBlobInput");
    assertThat(dataset.type()).isEqualTo("AzureBlob");
    assertThat(dataset.version()).isEqualTo(AdfVersion.V1);
    assertThat(dataset.linkedService().name()).isEqualTo("StorageLinkedService");
    assertThat(dataset.folderPath()).contains(new AdfString.Literal(
        "mycontainer/myfolder/yearno={Year}/monthno={Month}/dayno={Day}"));
    assertThat(dataset.partitionedBy())
        .extracting(Partition::name, Partition::date, Partition::format)
        .containsExactly(
            tuple("Year", "SliceStart", "yyyy"),
            tuple("Month", "SliceStart", "MM"),
            tuple("Day", "SliceStart", "dd"),
            tuple("Hour", "SliceStart", "HH"));
    assertThat(dataset.availability()).get().satisfies(a -> {
      assertThat(a.frequency()).isEqualTo(Frequency.HOUR);
      assertThat(a.interval()).isEqualTo(1);
      assertThat(a.style()).isEqualTo(Style.END_OF_INTERVAL);
      assertThat(a.anchorDateTime()).isEmpty();
      assertThat(a.offset()).isEmpty();
    });
    assertThat(dataset.external()).isTrue();
    ExternalData external = dataset.policy().externalData().orElseThrow();
    assertThat(external).isEqualTo(new ExternalData(Duration.ZERO, Duration.ofMinutes(1),
        Duration.ofMinutes(10), 3, external.location()));
    assertThat(external.location().pointer()).isEqualTo("/properties/policy/externalData");
    assertThat(dataset.format()).isEmpty();
    assertThat(dataset.compression()).isEmpty();
  }

  @Test
  void textFormatWithEveryProperty() {
    FileDataset dataset = only(load("text-format-all-properties/dataset.json"));

    Format format = dataset.format().orElseThrow();
    assertThat(format).isEqualTo(new Format.TextFormat(
        Optional.of("\u0001"),
        Optional.of("\n"),
        Optional.of("$"),
        Optional.empty(),
        Optional.of("NaN"),
        Optional.of("windows-1250"),
        true,
        2,
        false,
        format.location()));
    assertThat(dataset.fileName()).contains(new AdfString.Literal("orders.csv"));
  }

  @Test
  void jsonFormatWithPathDefinition() {
    FileDataset dataset = only(load("json-format-path-definition/dataset.json"));

    Format format = dataset.format().orElseThrow();
    assertThat(format).isEqualTo(new Format.JsonFormat(
        JsonFilePattern.ARRAY_OF_OBJECTS,
        Optional.of("UTF-8"),
        Optional.of(";"),
        Optional.of("$.orderlines"),
        Map.of(
            "orderNumber", "$.number",
            "orderDate", "$.date",
            "order_pd", "prod",
            "order_price", "price",
            "city", "$.city[0].name"),
        format.location()));
  }

  @Test
  void v2DelimitedTextInBlobLocation() {
    FileDataset dataset = only(load("v2-delimited-text/dataset.json"));

    assertThat(dataset.version()).isEqualTo(AdfVersion.V2);
    assertThat(dataset.type()).isEqualTo("DelimitedText");
    assertThat(dataset.linkedService().name()).isEqualTo("BlobStorage");
    assertThat(dataset.folderPath()).contains(new AdfString.Literal("container/folder"));
    assertThat(dataset.fileName()).contains(new AdfString.Literal("sales.csv"));
    assertThat(dataset.availability()).isEmpty();
    Format format = dataset.format().orElseThrow();
    assertThat(format).isEqualTo(new Format.TextFormat(
        Optional.of("|"),
        Optional.empty(),
        Optional.of("\\"),
        Optional.of("\""),
        Optional.empty(),
        Optional.empty(),
        true,
        0,
        true,
        format.location()));
    assertThat(dataset.compression().orElseThrow().type()).isEqualTo(CompressionType.GZIP);
    assertThat(dataset.structure())
        .extracting(Column::name, Column::type)
        .containsExactly(tuple("id", Optional.of(AdfType.STRING)));
  }

  @Test
  void v2ExpressionsAndParametersAreKeptUnevaluated() {
    FileDataset dataset = only(load("v2-dataset-expression/dataset.json"));

    assertThat(dataset.version()).isEqualTo(AdfVersion.V2);
    // The container joins the folder as ADF string interpolation, still one valid expression.
    assertThat(dataset.folderPath())
        .contains(new AdfString.Expression("lake/@{dataset().folder}"));
    assertThat(dataset.fileName())
        .contains(new AdfString.Expression("@concat(dataset().fileName, '.json')"));
    assertThat(dataset.parameters().values())
        .extracting(Parameter::name, Parameter::type, Parameter::defaultValue)
        .containsExactly(
            tuple("folder", "String", Optional.of("raw/events")),
            tuple("fileName", "String", Optional.empty()),
            tuple("retries", "Int", Optional.of("3")));
  }

  @Test
  void secretsAreMaskedWhenPrinted() {
    Factory factory = load("linked-service-secrets");
    assertThat(factory.diagnostics()).isEmpty();

    LinkedService.AzureBlobStorage blob = (LinkedService.AzureBlobStorage)
        factory.linkedService("StorageLinkedService").orElseThrow();
    LinkedService.AzureDataLakeStore lake = (LinkedService.AzureDataLakeStore)
        factory.linkedService("AzureDataLakeStoreLinkedService").orElseThrow();
    LinkedService.AzureBlobStorage vault =
        (LinkedService.AzureBlobStorage) factory.linkedService("KeyVaultBlob").orElseThrow();

    assertThat(((Secret.Inline) blob.connectionString().orElseThrow()).value())
        .isEqualTo("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=TopSecretKey==");
    assertThat(((Secret.Inline) lake.servicePrincipalKey().orElseThrow()).value())
        .isEqualTo("TopSecretPrincipalKey");
    assertThat(blob.connectionString().orElseThrow()).hasToString("******");
    assertThat(blob.toString()).doesNotContain("TopSecret").contains("******");
    assertThat(lake.toString()).doesNotContain("TopSecret").contains("******");
    assertThat(factory.toString()).doesNotContain("TopSecret");
    assertThat(vault.connectionString()).contains(
        new Secret.KeyVaultReference("Vault", "blob-connection",
            vault.connectionString().orElseThrow().location()));
  }

  @Test
  void armTemplateWithV1NestedResources() {
    Factory factory = load("arm-template-v1/template.json");

    assertThat(validate("arm-template-v1/template.json")).isEmpty();
    assertThat(factory.linkedServices()).extracting(Resource::name)
        .containsExactly("StorageLinkedService");
    assertThat(factory.datasets()).extracting(Resource::name)
        .containsExactly("BlobInput", "BlobOutput");
    assertThat(factory.pipelines()).extracting(Resource::name).containsExactly("BlobToBlob");
    LinkedService.AzureBlobStorage storage =
        (LinkedService.AzureBlobStorage) factory.linkedServices().get(0);
    assertThat(((Secret.Inline) storage.connectionString().orElseThrow()).value())
        .isEqualTo("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5");
    assertThat(factory.datasets().get(0).linkedService().name()).isEqualTo("StorageLinkedService");
    Pipeline pipeline = factory.pipelines().get(0);
    assertThat(pipeline.start()).contains(LocalDateTime.of(2017, 5, 11, 0, 0));
    assertThat(pipeline.activities().get(0).inputs()).extracting(DatasetRef::name)
        .containsExactly("BlobInput");
  }

  @Test
  void armTemplateWithV2ResourcesAndParameterDefaults() {
    Factory factory = load("arm-template-v2/template.json");

    assertThat(validate("arm-template-v2/template.json")).isEmpty();
    assertThat(factory.linkedServices()).extracting(Resource::name).containsExactly("BlobStorage");
    assertThat(factory.datasets()).extracting(Resource::name)
        .containsExactly("SalesCsv", "SalesParquet");
    assertThat(factory.pipelines()).extracting(Resource::name).containsExactly("CopySales");
    LinkedService.AzureBlobStorage storage =
        (LinkedService.AzureBlobStorage) factory.linkedServices().get(0);
    assertThat(storage.version()).isEqualTo(AdfVersion.V2);
    assertThat(((Secret.Inline) storage.connectionString().orElseThrow()).value())
        .isEqualTo("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5");
    FileDataset csv = (FileDataset) factory.dataset("SalesCsv").orElseThrow();
    assertThat(csv.folderPath()).contains(new AdfString.Literal("sales/incoming"));
    assertThat(factory.dataset("SalesParquet").orElseThrow())
        .isInstanceOfSatisfying(FileDataset.class,
            p -> assertThat(p.format()).get().isInstanceOf(Format.ParquetFormat.class));
    Activity copy = factory.pipelines().get(0).activities().get(0);
    assertThat(copy.inputs()).extracting(DatasetRef::name).containsExactly("SalesCsv");
    assertThat(copy.outputs()).extracting(DatasetRef::name).containsExactly("SalesParquet");
  }

  @Test
  void gitLayout() {
    Factory factory = load("git-layout");

    assertThat(validate("git-layout")).isEmpty();
    assertThat(factory.linkedServices()).extracting(Resource::name).containsExactly("BlobStorage");
    assertThat(factory.datasets()).extracting(Resource::name)
        .containsExactly("SalesCsv", "SalesJson");
    assertThat(factory.pipelines()).extracting(Resource::name).containsExactly("CopySales");
    assertThat(factory.triggers()).extracting(Trigger::name, Trigger::type)
        .containsExactly(tuple("DailyTrigger", "ScheduleTrigger"));
    assertThat(factory.triggers().get(0).pipelines()).extracting(r -> r.name())
        .containsExactly("CopySales");
    Pipeline pipeline = factory.pipelines().get(0);
    assertThat(pipeline.version()).isEqualTo(AdfVersion.V2);
    CopyActivity copy = (CopyActivity) pipeline.activities().get(0);
    assertThat(copy.source().type()).isEqualTo("DelimitedTextSource");
    assertThat(copy.source().recursive()).contains(true);
    assertThat(copy.sink().behavior()).isEqualTo(CopyBehavior.MERGE_FILES);
    assertThat(copy.policy().timeout()).contains(Duration.ofDays(7));
  }

  @Test
  void v1Layout() {
    Factory factory = load("v1-layout");

    assertThat(validate("v1-layout")).isEmpty();
    assertThat(factory.linkedServices()).extracting(Resource::name)
        .containsExactly("StorageLinkedService");
    assertThat(factory.datasets()).extracting(Resource::name)
        .containsExactly("AzureBlobInput", "AzureBlobOutput");
    Pipeline pipeline = factory.pipeline("SamplePipeline").orElseThrow();
    assertThat(pipeline.version()).isEqualTo(AdfVersion.V1);
    assertThat(pipeline.start()).contains(LocalDateTime.of(2014, 6, 1, 18, 0));
    assertThat(pipeline.end()).contains(LocalDateTime.of(2014, 6, 1, 19, 0));
    assertThat(pipeline.description()).contains("pipeline with copy activity");
    Activity copy = pipeline.activities().get(0);
    assertThat(copy.scheduler().orElseThrow().describe()).isEqualTo("Hour x 1");
    assertThat(copy.policy().timeout()).contains(Duration.ofHours(1));
  }

  @Test
  void aDatasetInThePipelineFolderLoadsAsADataset() {
    Factory factory = load("classified-by-content");

    assertThat(factory.diagnostics()).isEmpty();
    assertThat(factory.pipelines()).isEmpty();
    assertThat(factory.datasets()).extracting(Resource::name).containsExactly("SalesCsv");
    assertThat(factory.dataset("SalesCsv").orElseThrow()).isInstanceOf(FileDataset.class);
  }

  private static FileDataset only(Factory factory) {
    assertThat(factory.diagnostics()).isEmpty();
    assertThat(factory.datasets()).hasSize(1);
    Dataset dataset = factory.datasets().get(0);
    assertThat(dataset).isInstanceOf(FileDataset.class);
    return (FileDataset) dataset;
  }
}
