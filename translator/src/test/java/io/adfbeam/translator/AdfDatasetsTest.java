package io.adfbeam.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.translator.bind.StoreMapping;
import io.adfbeam.transforms.copy.DataFormat;
import io.adfbeam.transforms.copy.FileSource;
import io.adfbeam.transforms.rows.BeamRows;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A factory's datasets as Beam row sources and sinks, resolved for a slice. */
class AdfDatasetsTest {
  private static final LocalDateTime DAY2 = LocalDateTime.parse("2016-03-02T00:00");
  private static final LocalDateTime DAY3 = LocalDateTime.parse("2016-03-03T00:00");
  private static final RowSchema ORDERS = RowSchema.of(Field.of("id", AdfType.INT64),
      Field.of("amount", AdfType.DECIMAL), Field.of("at", AdfType.DATETIME));
  private static final Schema BEAM = BeamRows.schema(ORDERS);

  @TempDir Path temp;

  private StoreMapping stores() {
    return StoreMapping.parse(List.of("Store=" + temp.resolve("in"), "Lake=" + temp.resolve("out")));
  }

  private static Row order(long id, String amount, String at) {
    return Row.withSchema(BEAM).addValues(id, new BigDecimal(amount), LocalDateTime.parse(at))
        .build();
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.create());
  }

  private static void run(Pipeline p) {
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
  }

  @Test
  void readsTheSlicesFilesAndWritesThemToAnotherDatasetsSlice() throws IOException {
    AdfFactory factory = AdfFactory.load(factory());
    write(temp.resolve("in/orders/2016-03-01/a.csv"), "id,amount,at\r\n1,1.50,2016-03-01 10:00:00\r\n");
    write(temp.resolve("in/orders/2016-03-02/a.csv"),
        "id,amount,at\r\n2,2.25,2016-03-02 11:00:00.1234567\r\n3,-7,2016-03-02 23:59:59\r\n");
    write(temp.resolve("in/orders/2016-03-02/b.csv"), "id,amount,at\r\n4,0,2016-03-02 00:00:00\r\n");
    List<Row> day2 = List.of(order(2, "2.25", "2016-03-02T11:00:00.1234567"),
        order(3, "-7", "2016-03-02T23:59:59"), order(4, "0", "2016-03-02T00:00"));

    AdfDatasets.Read read = AdfDatasets.read(factory, "Orders").forSlice(DAY2, DAY3)
        .withStores(stores());
    assertThat(read.source().folder()).isEqualTo(temp.resolve("in/orders/2016-03-02") + "/");
    assertThat(read.source().format()).isInstanceOf(DataFormat.Text.class);
    assertThat(read.source().structure()).isEqualTo(ORDERS);
    Pipeline copy = pipeline();
    PCollection<Row> rows = copy.apply(read);
    PAssert.that(rows).containsInAnyOrder(day2);
    PCollection<String> written = rows.apply(AdfDatasets.write(factory, "OrdersParquet")
        .forSlice(DAY2, DAY3).withStores(stores()));
    PAssert.that(written).containsInAnyOrder(
        temp.resolve("out/parquet/2016-03-02/orders.parquet").toString());
    run(copy);

    Pipeline back = pipeline();
    PCollection<Row> parquet = back.apply(AdfDatasets.read(factory, "OrdersParquet")
        .forSlice(DAY2, DAY3).withStores(stores()));
    // Parquet keeps Decimal at scale 18: the same numbers as the text had.
    PAssert.that(parquet).containsInAnyOrder(day2.stream().map(r -> Row.fromRow(r)
        .withFieldValue("amount", r.getDecimal("amount").setScale(18)).build()).toList());
    PAssert.thatSingleton(back.apply(AdfDatasets.read(factory, "Orders")
        .forSlice(LocalDateTime.parse("2016-03-01T00:00"), DAY2).withStores(stores()))
        .apply(Count.globally())).isEqualTo(1L);
    run(back);
  }

  @Test
  void aDatasetWithoutStructureIsReadWithAGivenSchema() throws IOException {
    AdfFactory factory = AdfFactory.load(factory());
    write(temp.resolve("in/plain/x.csv"), "7,seven\n");
    RowSchema schema = RowSchema.of(Field.of("n", AdfType.INT32), Field.of("s", AdfType.STRING));

    AdfDatasets.Read read = AdfDatasets.read(factory, "Plain").withStores(stores());
    assertThat(read.source()).isEqualTo(FileSource.of("Plain", temp.resolve("in/plain") + "/")
        .withFileFilter("*.csv").withFormat(read.source().format()));
    assertThatThrownBy(() -> pipeline().apply(read))
        .isInstanceOf(InvalidFactoryException.class)
        .hasMessageContaining("Plain.json:1:")
        .hasMessageEndingWith("dataset 'Plain' has no structure: declare one, or give the rows'"
            + " schema with withSchema(...)");

    Pipeline p = pipeline();
    PAssert.that(p.apply(read.withSchema(schema))).containsInAnyOrder(
        Row.withSchema(BeamRows.schema(schema)).addValues(7, "seven").build());
    run(p);
  }

  @Test
  void whatCannotBeResolvedIsALocatedError() throws IOException {
    AdfFactory factory = AdfFactory.load(factory());

    assertThatThrownBy(() -> AdfDatasets.read(factory, "Nope").source())
        .isInstanceOf(InvalidFactoryException.class)
        .hasMessage("<embedding>:1:1 /: no dataset named 'Nope'");
    assertThatThrownBy(() -> AdfDatasets.read(factory, "Orders").withStores(stores()).source())
        .isInstanceOf(InvalidFactoryException.class)
        .hasMessageEndingWith("dataset 'Orders' has paths that depend on the slice (partitionedBy"
            + " or a $$ function); give the slice with forSlice(start, end)");
    assertThatThrownBy(() -> AdfDatasets.write(factory, "OrdersParquet").forSlice(DAY2, DAY3)
        .sink())
        .isInstanceOf(InvalidFactoryException.class)
        .hasMessageContaining("OrdersParquet.json:1:")
        .hasMessageContaining("linked service 'Lake' (AzureStorage) has no store to run against");
  }

  private Path factory() throws IOException {
    Path dir = temp.resolve("factory");
    write(dir.resolve("LinkedServices/Store.json"), "{\"name\": \"Store\", \"properties\": {\"type\":"
        + " \"AzureStorage\", \"typeProperties\": {\"connectionString\": \"AccountName=a;AccountKey=k\"}}}");
    write(dir.resolve("LinkedServices/Lake.json"), "{\"name\": \"Lake\", \"properties\": {\"type\":"
        + " \"AzureStorage\", \"typeProperties\": {\"connectionString\": \"AccountName=b;AccountKey=k\"}}}");
    String partition = "\"partitionedBy\": [{\"name\": \"Day\", \"value\": {\"type\": \"DateTime\","
        + " \"date\": \"SliceStart\", \"format\": \"yyyy-MM-dd\"}}]";
    String structure = "\"structure\": [{\"name\": \"id\", \"type\": \"Int64\"}, {\"name\":"
        + " \"amount\", \"type\": \"Decimal\"}, {\"name\": \"at\", \"type\": \"Datetime\"}]";
    String daily = "\"availability\": {\"frequency\": \"Day\", \"interval\": 1}";
    write(dir.resolve("Tables/Orders.json"), "{\"name\": \"Orders\", \"properties\": {\"type\":"
        + " \"AzureBlob\", \"linkedServiceName\": \"Store\", " + structure + ", \"typeProperties\":"
        + " {\"folderPath\": \"orders/{Day}\", \"format\": {\"type\": \"TextFormat\","
        + " \"firstRowAsHeader\": true}, " + partition + "}, \"external\": true, " + daily + "}}");
    write(dir.resolve("Tables/OrdersParquet.json"), "{\"name\": \"OrdersParquet\", \"properties\":"
        + " {\"type\": \"AzureBlob\", \"linkedServiceName\": \"Lake\", " + structure + ","
        + " \"typeProperties\": {\"folderPath\": \"parquet/{Day}\", \"fileName\":"
        + " \"orders.parquet\", \"format\": {\"type\": \"ParquetFormat\"}, " + partition + "}, "
        + daily + "}}");
    write(dir.resolve("Tables/Plain.json"), "{\"name\": \"Plain\", \"properties\": {\"type\":"
        + " \"AzureBlob\", \"linkedServiceName\": \"Store\", \"typeProperties\": {\"folderPath\":"
        + " \"plain\", \"fileFilter\": \"*.csv\", \"format\": {\"type\": \"TextFormat\"}},"
        + " \"external\": true, " + daily + "}}");
    write(dir.resolve("Pipelines/Daily.json"), "{\"name\": \"Daily\", \"properties\": {\"start\":"
        + " \"2016-03-01T00:00:00Z\", \"end\": \"2016-03-03T00:00:00Z\", \"activities\": [{\"name\":"
        + " \"ToParquet\", \"type\": \"Copy\", \"inputs\": [{\"name\": \"Orders\"}], \"outputs\":"
        + " [{\"name\": \"OrdersParquet\"}], \"typeProperties\": {\"source\": {\"type\":"
        + " \"BlobSource\"}, \"sink\": {\"type\": \"BlobSink\"}}, \"scheduler\": {\"frequency\":"
        + " \"Day\", \"interval\": 1}}]}}");
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
