package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.tests.servers.AzuriteServer;
import io.adfbeam.tests.servers.WebHdfsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob-to-Data-Lake copy throughput through the local servers (Azurite, WebHDFS behind its proxy),
 * compared in the same run with a local-disk copy of the same files, both through {@code adf-beam
 * run} on the Direct runner. Not part of the default test run; run it with
 *
 * <pre>
 * mvn -B -pl tests -am verify -Dtest=AzureCopyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.files=32 -Dbench.fileMb=2]
 * </pre>
 */
class AzureCopyBenchmark {
  @TempDir Path temp;

  @Test
  void blobToDataLakeAgainstLocalDisk() throws Exception {
    int files = Integer.getInteger("bench.files", 32);
    int fileMb = Integer.getInteger("bench.fileMb", 2);
    Path local = Files.createDirectories(temp.resolve("local/in"));
    Random random = new Random(1);
    byte[] data = new byte[fileMb << 20];
    for (int i = 0; i < files; i++) {
      random.nextBytes(data);
      Files.write(local.resolve(String.format("part-%03d.bin", i)), data);
    }
    double mb = files * (double) fileMb;
    try (AzuriteServer azurite = AzuriteServer.start();
        WebHdfsServer webhdfs = WebHdfsServer.start(temp.resolve("dfs"), "bench", "bench-secret")) {
      AzureStoresTest.upload(local, azurite.client().getBlobContainerClient("bench"), "in/");
      Path key = Files.writeString(temp.resolve("key"), AzuriteServer.KEY);
      Path sp = Files.writeString(temp.resolve("sp"), "bench-secret");
      Path azure = temp.resolve("azure-factory");
      TwoAccounts.write(azure, Map.of(
          "Blob", TwoAccounts.blob("Blob", "devstoreaccount1", "<key>"),
          "Lake", """
              { "name": "Lake", "properties": { "type": "AzureDataLakeStore", "typeProperties": {
                "dataLakeStoreUri": "https://bench.azuredatalakestore.net/webhdfs/v1",
                "servicePrincipalId": "bench", "tenant": "bench.onmicrosoft.com",
                "servicePrincipalKey": { "type": "SecureString", "value": "<key>" } } } }
              """,
          "In", TwoAccounts.binary("In", "Blob", "AzureBlobStorageLocation", "bench", "in"),
          "Out", TwoAccounts.binary("Out", "Lake", "AzureDataLakeStoreLocation", null, "bench/out"),
          "Copy", TwoAccounts.copy("Copy", "In", "Out")));
      Path disk = temp.resolve("disk-factory");
      TwoAccounts.write(disk, Map.of(
          "Src", TwoAccounts.fileServer("Src", temp.resolve("local").toString()),
          "Dst", TwoAccounts.fileServer("Dst", Files.createDirectories(temp.resolve("dst"))
              .toString()),
          "In", TwoAccounts.binary("In", "Src", "FileServerLocation", null, "in"),
          "Out", TwoAccounts.binary("Out", "Dst", "FileServerLocation", null, "out"),
          "Copy", TwoAccounts.copy("Copy", "In", "Out")));

      long t0 = System.nanoTime();
      AdfBeam.Result r = AdfBeam.run("run", azure.toString(), "--state", temp.resolve("state-azure").toString(),
          "--window",
          AzureStoresTest.V2_WINDOW, "--store", "Blob=" + azurite.endpoint(),
          "--store", "Lake=" + webhdfs.endpoint() + "?aadAuthority=" + webhdfs.authority(),
          "--secret", "Blob.accountKey=file:" + key,
          "--secret", "Lake.servicePrincipalKey=file:" + sp);
      double azureSeconds = (System.nanoTime() - t0) / 1e9;
      assertThat(r.exitCode()).as("%s", r.everything()).isZero();

      long t1 = System.nanoTime();
      AdfBeam.Result d = AdfBeam.run("run", disk.toString(), "--state", temp.resolve("state-disk").toString(),
          "--window",
          AzureStoresTest.V2_WINDOW);
      double diskSeconds = (System.nanoTime() - t1) / 1e9;
      assertThat(d.exitCode()).as("%s", d.everything()).isZero();

      System.out.printf(Locale.ROOT, "%d files x %d MB = %.0f MB%n", files, fileMb, mb);
      System.out.printf(Locale.ROOT, "Blob (Azurite) -> Data Lake (WebHDFS): %.1f s, %.1f MB/s%n",
          azureSeconds, mb / azureSeconds);
      System.out.printf(Locale.ROOT, "local disk -> local disk:             %.1f s, %.1f MB/s%n",
          diskSeconds, mb / diskSeconds);
    }
  }
}
