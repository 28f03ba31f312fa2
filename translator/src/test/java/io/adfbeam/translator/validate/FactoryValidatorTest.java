package io.adfbeam.translator.validate;

import static io.adfbeam.translator.Fixtures.file;
import static io.adfbeam.translator.Fixtures.load;
import static io.adfbeam.translator.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules across resources, each on a small factory folder: the validator must return exactly
 * these diagnostics (the loader's and its own), in file, line and column order.
 */
class FactoryValidatorTest {

  @Test
  void missingLinkedServiceReference() {
    assertThat(validate("missing-linked-service")).containsExactly(
        file("missing-linked-service", "SalesInput.json") + ":5:26 /properties/linkedServiceName:"
            + " dataset 'SalesInput' refers to linked service 'NoSuchStorage', which is not"
            + " defined; defined: StorageLinkedService");
  }

  @Test
  void missingDatasetReferenceInAnActivity() {
    assertThat(validate("missing-dataset-reference")).containsExactly(
        file("missing-dataset-reference", "CopySales.json")
            + ":11:22 /properties/activities/0/outputs/0: activity 'CopyHourly' of pipeline"
            + " 'CopySales' has output dataset 'SalesOutput', which is not defined; defined:"
            + " SalesInput");
  }

  @Test
  void duplicateDatasetNamesIgnoringLetterCase() {
    assertThat(validate("duplicate-dataset-names")).containsExactly(
        file("duplicate-dataset-names", "SalesCopy.json") + ":3:17 /properties: duplicate"
            + " dataset name 'SALES' (names are not case sensitive); also defined at "
            + file("duplicate-dataset-names", "Sales.json") + ":3:17 /properties");
  }

  @Test
  void schedulerDiffersFromOutputAvailability() {
    assertThat(validate("scheduler-differs-from-availability")).containsExactly(
        file("scheduler-differs-from-availability", "CopyLogs.json")
            + ":16:22 /properties/activities/0/scheduler: activity 'CopyToDaily' has scheduler"
            + " Hour x 1 but its output dataset 'DailyOutput' has availability Day x 1; an"
            + " activity's scheduler must equal its output dataset's availability");
  }

  @Test
  void activitiesInACycle() {
    assertThat(validate("activity-cycle")).containsExactly(
        file("activity-cycle", "RoundTrip.json") + ":7:7 /properties/activities/0: activities"
            + " wait on each other in a cycle: RoundTrip/StageToCurated -> RoundTrip/CuratedToStage"
            + " -> RoundTrip/StageToCurated; no slice of them could ever start");
  }

  @Test
  void copyOverAnUnsupportedDatasetType() {
    assertThat(validate("copy-over-unsupported-dataset")).containsExactly(
        file("copy-over-unsupported-dataset", "CopyOrders.json")
            + ":10:21 /properties/activities/0/inputs/0: Copy activity 'SqlToBlob' uses dataset"
            + " 'SqlOrders' of type AzureSqlTable, which adf-beam does not copy; it copies file"
            + " datasets: AzureBlob, AzureDataLakeStore and FileShare (v1); DelimitedText, Json,"
            + " Avro, Orc, Parquet and Binary (v2)");
  }

  @Test
  void unsupportedActivityTypeIsAWarning() {
    List<Diagnostic> diagnostics = FactoryValidator.validate(
        load("unsupported-activity-type/pipeline.json"));

    assertThat(diagnostics).extracting(Diagnostic::toString).containsExactly(
        file("unsupported-activity-type", "pipeline.json") + ":7:7 /properties/activities/0:"
            + " warning: activity type 'HDInsightHive' is not run by adf-beam, which runs Copy"
            + " activities; it is kept for planning but will not run");
    assertThat(diagnostics.get(0).isError()).isFalse();
  }

  @Test
  void allProblemsAtOnceInLocationOrder() {
    String pipeline = file("all-problems", "CopySales.json");
    String lake = file("all-problems", "LakeStore.json");
    String dataset = file("all-problems", "SalesCsv.json");

    assertThat(validate("all-problems")).containsExactly(
        pipeline + ":11:22 /properties/activities/0/outputs/0: activity 'CopyToArchive' of"
            + " pipeline 'CopySales' has output dataset 'SalesArchive', which is not defined;"
            + " defined: SalesCsv",
        pipeline + ":14:71 /properties/activities/0/typeProperties/sink/copyBehavior: unknown"
            + " copyBehavior 'Merge'; expected PreserveHierarchy, FlattenHierarchy or MergeFiles",
        lake + ":5:23 /properties/typeProperties: missing required property 'dataLakeStoreUri';"
            + " it names the account, as https://<account>.azuredatalakestore.net/webhdfs/v1",
        dataset + ":5:26 /properties/linkedServiceName: dataset 'SalesCsv' refers to linked"
            + " service 'LakeStorage', which is not defined; defined: LakeStore",
        dataset + ":7:21 /properties/typeProperties/folderPath: '{Year}' in folderPath is not"
            + " defined by partitionedBy; add a partitionedBy entry named 'Year'",
        dataset + ":9:32 /properties/typeProperties/compression/type: unknown compression 'Gzp';"
            + " expected GZip, Deflate, BZip2 or ZipDeflate");
  }

  @Test
  void columnMappingsAgainstTheStructures() {
    String at = file("column-mapping-errors", "CopyUsers.json") + ":17:31"
        + " /properties/activities/0/typeProperties/translator/columnMappings: ";
    assertThat(validate("column-mapping-errors")).containsExactly(
        file("column-mapping-errors", "CopyUsers.json") + ":15:25"
            + " /properties/activities/0/typeProperties/translator: the translator maps 3 columns"
            + " but the structure of sink dataset 'Members' has 2 (MyUserId, MyGroup); map every"
            + " sink column exactly once",
        at + "column 'userid' is mapped more than once; map each source column to one sink column",
        at + "column mapping 'Email: MyGroup' names source column 'Email', which the structure of"
            + " dataset 'Users' does not have; its columns: UserId, Group, Name",
        at + "sink column 'MyGroup' is the target of more than one mapping; map each sink column once");
  }
}
