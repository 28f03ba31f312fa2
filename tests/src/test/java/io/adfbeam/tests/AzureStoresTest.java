package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import io.adfbeam.tests.servers.AzuriteServer;
import io.adfbeam.tests.servers.WebHdfsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure stores against real local servers, started once for the class: Azurite's Blob service
 * (azfs://, and abfs:// in blob-endpoint mode) and a WebHDFS server standing in for Data Lake
 * Store Gen1 (adl://, service principal through a local token endpoint). The seed samples run
 * end to end with their JSON unchanged: --store gives the endpoints, --secret the keys.
 */
class AzureStoresTest {
  static final String SP_SECRET = "sp-secret-" + java.util.UUID.randomUUID();
  static final String SP_ID = "<service principal id>";
  static final String V2_WINDOW = "2024-01-01T00:00:00Z/2024-01-01T01:00:00Z";
  static final String WINDOW = "2014-06-01T18:00:00Z/2014-06-01T21:00:00Z";

  static AzuriteServer azurite;
  static WebHdfsServer webhdfs;
  static Path secrets;

  @TempDir static Path shared;
  @TempDir Path temp;

  @BeforeAll
  static void startServers() throws IOException {
    azurite = AzuriteServer.start();
    webhdfs = WebHdfsServer.start(shared.resolve("dfs"), SP_ID, SP_SECRET);
    secrets = Files.createDirectories(shared.resolve("secrets"));
    Files.writeString(secrets.resolve("account-key"), AzuriteServer.KEY + "\n");
    Files.writeString(secrets.resolve("sp-key"), SP_SECRET);
    Files.writeString(secrets.resolve("wrong-key"),
        java.util.Base64.getEncoder().encodeToString("not the key of this account".getBytes()));
    Files.writeString(secrets.resolve("wrong-sp"), "not-the-secret");
  }

  @AfterAll
  static void stopServers() throws IOException {
    if (webhdfs != null) {
      webhdfs.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  static Path example(String name) {
    return Path.of(System.getProperty("adfbeam.root", "..")).resolve("examples").resolve(name);
  }

  String adlStore() {
    return "AzureDataLakeStoreLinkedService=" + webhdfs.endpoint() + "?aadAuthority="
        + webhdfs.authority();
  }

  static void upload(Path localFolder, BlobContainerClient container, String prefix)
      throws IOException {
    if (!container.exists()) {
      container.create();
    }
    try (Stream<Path> files = Files.walk(localFolder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = prefix + localFolder.relativize(f).toString().replace('\\', '/');
        container.getBlobClient(name).uploadFromFile(f.toString(), true);
      }
    }
  }

  static byte[] readHdfs(FileSystem fs, String path) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return in.readAllBytes();
    }
  }

  static List<String> blobNames(BlobContainerClient c, String prefix) {
    List<String> names = new ArrayList<>();
    for (BlobItem item : c.listBlobs(new com.azure.storage.blob.models.ListBlobsOptions()
        .setPrefix(prefix), null)) {
      names.add(item.getName());
    }
    return names;
  }

  @Test
  void seedBlobToDataLakeCopiesTheHourlyFoldersByteForByte() throws IOException {
    Path example = example("seed-blob-to-datalake");
    Path input = example.resolve("data/blob/mycontainer");
    upload(input, azurite.client().getBlobContainerClient("mycontainer"), "");
    Path report = temp.resolve("report.json");

    AdfBeam.Result r = AdfBeam.run("run", example.toString(), "--state", temp.resolve("state").toString(),
        "--window", WINDOW,
        "--store", "StorageLinkedService=" + azurite.endpoint(), "--store", adlStore(),
        "--secret", "StorageLinkedService.accountKey=file:" + secrets.resolve("account-key"),
        "--secret", "AzureDataLakeStoreLinkedService.servicePrincipalKey=file:"
            + secrets.resolve("sp-key"),
        "--report", report.toString());

    assertThat(r.exitCode()).as("%s", r.everything()).isZero();
    assertThat(r.out()).contains("3 of 3 activity runs succeeded");
    FileSystem fs = webhdfs.fileSystem();
    List<String> names = new ArrayList<>();
    for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path("/datalake/output"))) {
      names.add(s.getPath().getName());
    }
    assertThat(names).containsExactlyInAnyOrder("events-18.log", "events-19.log",
        "events-20.log", ".adf-beam");
    Path day = input.resolve("myfolder/yearno=2014/monthno=06/dayno=01");
    for (String name : List.of("events-18.log", "events-19.log", "events-20.log")) {
      assertThat(readHdfs(fs, "/datalake/output/" + name))
          .isEqualTo(Files.readAllBytes(day.resolve(name)));
    }
    List<String> hidden = new ArrayList<>();
    for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path("/datalake/output/.adf-beam"))) {
      hidden.add(s.getPath().getName());
    }
    assertThat(hidden).as("staging removed, each run's manifest kept").hasSize(3)
        .allMatch(n -> n.endsWith(".manifest"));
    String reportText = Files.readString(report);
    assertThat(reportText).contains("adl://127.0.0.1:").contains("\"Succeeded\"");

    // The secret scan: neither key appears in anything printed or written.
    for (String secret : List.of(AzuriteServer.KEY, SP_SECRET)) {
      assertThat(r.everything()).doesNotContain(secret);
      assertThat(reportText).doesNotContain(secret);
      for (String name : List.of("events-18.log", "events-19.log", "events-20.log")) {
        assertThat(new String(readHdfs(fs, "/datalake/output/" + name),
            StandardCharsets.UTF_8)).doesNotContain(secret);
      }
    }
    // and a plan of the same factory shows none either
    AdfBeam.Result plan = AdfBeam.run("plan", example.toString(), "--window", WINDOW);
    assertThat(plan.everything()).doesNotContain(AzuriteServer.KEY).doesNotContain(SP_SECRET);
  }

  @Test
  void seedDataLakeToBlobWritesTheRowsToHourlyFolders() throws IOException {
    Path example = example("seed-datalake-to-blob");
    Path tsv = example.resolve("data/lake/datalake/input/SearchLog.tsv");
    FileSystem fs = webhdfs.fileSystem();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(tsv.toString()),
        new org.apache.hadoop.fs.Path("/datalake/input/SearchLog.tsv"));

    AdfBeam.Result r = AdfBeam.run("run", example.toString(), "--state", temp.resolve("state").toString(),
        "--window", WINDOW,
        "--store", "StorageLinkedService=" + azurite.endpoint(), "--store", adlStore(),
        "--secret", "StorageLinkedService.accountKey=file:" + secrets.resolve("account-key"),
        "--secret", "AzureDataLakeStoreLinkedService.servicePrincipalKey=file:"
            + secrets.resolve("sp-key"));

    assertThat(r.exitCode()).as("%s", r.everything()).isZero();
    BlobContainerClient c = azurite.client().getBlobContainerClient("mycontainer");
    List<String> expected = Files.readAllLines(tsv);
    for (String hour : List.of("18", "19", "20")) {
      String folder = "myfolder/yearno=2014/monthno=06/dayno=01/hourno=" + hour + "/";
      assertThat(blobNames(c, folder).stream().filter(n -> !n.contains(".adf-beam")))
          .containsExactly(folder + "SearchLog.tsv");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      c.getBlobClient(folder + "SearchLog.tsv").downloadStream(bytes);
      assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(expected);
    }
    assertThat(r.everything()).doesNotContain(AzuriteServer.KEY).doesNotContain(SP_SECRET);
  }

  @Test
  void aWrongAccountKeyIsAnAuthenticationErrorNamingTheLinkedService() {
    Path example = example("seed-blob-to-datalake");
    AdfBeam.Result r = AdfBeam.run("run", example.toString(), "--state", temp.resolve("state").toString(),
        "--window",
        "2014-06-01T18:00:00Z/2014-06-01T19:00:00Z",
        "--store", "StorageLinkedService=" + azurite.endpoint(), "--store", adlStore(),
        "--secret", "StorageLinkedService.accountKey=file:" + secrets.resolve("wrong-key"),
        "--secret", "AzureDataLakeStoreLinkedService.servicePrincipalKey=file:"
            + secrets.resolve("sp-key"));

    assertThat(r.exitCode()).as("%s", r.everything()).isEqualTo(1);
    assertThat(r.out()).contains("linked service 'StorageLinkedService'")
        .contains("authentication failed");
    assertThat(r.everything()).doesNotContain(AzuriteServer.KEY)
        .doesNotContain(readQuietly(secrets.resolve("wrong-key")));
  }

  @Test
  void aWrongServicePrincipalSecretIsAnAuthenticationErrorNamingTheLinkedService()
      throws IOException {
    Path example = example("seed-datalake-to-blob");
    webhdfs.fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(example
        .resolve("data/lake/datalake/input/SearchLog.tsv").toString()),
        new org.apache.hadoop.fs.Path("/datalake/input/SearchLog.tsv"));
    AdfBeam.Result r = AdfBeam.run("run", example.toString(), "--state", temp.resolve("state").toString(),
        "--window",
        "2014-06-01T18:00:00Z/2014-06-01T19:00:00Z",
        "--store", "StorageLinkedService=" + azurite.endpoint(), "--store", adlStore(),
        "--secret", "StorageLinkedService.accountKey=file:" + secrets.resolve("account-key"),
        "--secret", "AzureDataLakeStoreLinkedService.servicePrincipalKey=file:"
            + secrets.resolve("wrong-sp"));

    assertThat(r.exitCode()).as("%s", r.everything()).isEqualTo(1);
    assertThat(r.out()).contains("linked service 'AzureDataLakeStoreLinkedService'")
        .contains("authentication failed");
    assertThat(r.everything()).doesNotContain("not-the-secret").doesNotContain(SP_SECRET);
  }

  @Test
  void twoBlobAccountsInOneRunAreRefusedNamingBoth() throws IOException {
    Path factory = Files.createDirectories(temp.resolve("two-accounts"));
    TwoAccounts.write(factory, TwoAccounts.twoAccounts());
    AdfBeam.Result r = AdfBeam.run("run", factory.toString(), "--state", temp.resolve("state").toString(),
        "--window", V2_WINDOW,
        "--store", "SourceStorage=" + azurite.endpoint(),
        "--store", "SinkStorage=http://127.0.0.1:" + azurite.port() + "/otheraccount");

    assertThat(r.exitCode()).as("%s", r.everything()).isEqualTo(2);
    assertThat(r.err()).contains("'SourceStorage'").contains("'SinkStorage'")
        .contains("one account per job");
    assertThat(r.everything()).doesNotContain("c2Vjb25kIGtleQ==");
  }

  @Test
  void gen2WithAnAccountKeyWritesThroughTheBlobEndpoint() throws IOException {
    Path factory = Files.createDirectories(temp.resolve("gen2"));
    Path local = Files.createDirectories(temp.resolve("local/in"));
    Files.writeString(local.resolve("a.csv"), "1,one\n2,two\n");
    Files.writeString(Files.createDirectories(local.resolve("sub")).resolve("b.csv"), "3,three\n");
    TwoAccounts.write(factory, TwoAccounts.gen2(temp.resolve("local")));
    AdfBeam.Result r = AdfBeam.run("run", factory.toString(), "--state", temp.resolve("state").toString(),
        "--window", V2_WINDOW,
        "--store", "Gen2=" + azurite.endpoint(),
        "--secret", "Gen2.accountKey=file:" + secrets.resolve("account-key"));

    assertThat(r.exitCode()).as("%s", r.everything()).isZero();
    BlobContainerClient c = azurite.client().getBlobContainerClient("lake");
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    c.getBlobClient("gen2/out/a.csv").downloadStream(a);
    assertThat(a.toString(StandardCharsets.UTF_8)).isEqualTo("1,one\n2,two\n");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    c.getBlobClient("gen2/out/sub/b.csv").downloadStream(b);
    assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo("3,three\n");
    assertThat(r.everything()).doesNotContain(AzuriteServer.KEY);
  }

  @Test
  void aKeyVaultSecretWithNoValueGivenIsAClearError() throws IOException {
    Path factory = Files.createDirectories(temp.resolve("vault"));
    TwoAccounts.write(factory, TwoAccounts.vault(temp));
    AdfBeam.Result r = AdfBeam.run("run", factory.toString(), "--state", temp.resolve("state").toString(),
        "--window", V2_WINDOW,
        "--store", "Vaulted=" + azurite.endpoint());
    assertThat(r.exitCode()).as("%s", r.everything()).isEqualTo(2);
    assertThat(r.err()).contains("linked service 'Vaulted'").contains("'storage-key'")
        .contains("--secret storage-key=env:");

    Files.createDirectories(temp.resolve("in"));
    Files.writeString(temp.resolve("in/x.txt"), "x");
    AdfBeam.Result given = AdfBeam.run("run", factory.toString(), "--state", temp.resolve("state").toString(),
        "--window", V2_WINDOW,
        "--store", "Vaulted=" + azurite.endpoint(),
        "--secret", "storage-key=file:" + secrets.resolve("account-key"));
    assertThat(given.exitCode()).as("%s", given.everything()).isZero();
    assertThat(blobNames(azurite.client().getBlobContainerClient("vault"), "out/").stream()
        .filter(n -> !n.contains("/.adf-beam/"))).containsExactly("out/x.txt");
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
