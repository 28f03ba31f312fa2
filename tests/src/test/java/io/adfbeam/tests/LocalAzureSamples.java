package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.tests.servers.AzuriteServer;
import io.adfbeam.tests.servers.WebHdfsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed samples against local Azurite and a local WebHDFS server, as a user runs them: starts
 * both servers, loads the samples' input data, runs {@code adf-beam run} for each sample with the
 * printed command line, prints the outputs, and stops the servers. Not part of the default test
 * run (its name does not end in Test); run it with
 *
 * <pre>
 * mvn -B -pl tests -am verify -Dtest=LocalAzureSamples -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class LocalAzureSamples {
  @TempDir Path temp;

  @Test
  void runTheSeedSamplesAgainstLocalServers() throws Exception {
    try (AzuriteServer azurite = AzuriteServer.start();
        WebHdfsServer webhdfs = WebHdfsServer.start(temp.resolve("dfs"),
            AzureStoresTest.SP_ID, "local-secret")) {
      Path key = Files.writeString(temp.resolve("account-key"), AzuriteServer.KEY);
      Path sp = Files.writeString(temp.resolve("sp-key"), "local-secret");
      Path blobToLake = AzureStoresTest.example("seed-blob-to-datalake");
      AzureStoresTest.upload(blobToLake.resolve("data/blob/mycontainer"),
          azurite.client().getBlobContainerClient("mycontainer"), "");
      webhdfs.fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(
          AzureStoresTest.example("seed-datalake-to-blob")
              .resolve("data/lake/datalake/input/SearchLog.tsv").toString()),
          new org.apache.hadoop.fs.Path("/datalake/input/SearchLog.tsv"));
      for (String sample : new String[] {"seed-blob-to-datalake", "seed-datalake-to-blob"}) {
        String[] args = {"run", "examples/" + sample,
            "--state", temp.resolve("state-" + sample).toString(), "--window", AzureStoresTest.WINDOW,
            "--store", "StorageLinkedService=" + azurite.endpoint(),
            "--store", "AzureDataLakeStoreLinkedService=" + webhdfs.endpoint() + "?aadAuthority="
                + webhdfs.authority(),
            "--secret", "StorageLinkedService.accountKey=file:" + key,
            "--secret", "AzureDataLakeStoreLinkedService.servicePrincipalKey=file:" + sp};
        System.out.println("$ ./adf-beam " + String.join(" ", args));
        args[1] = AzureStoresTest.example(sample).toString();
        AdfBeam.Result r = AdfBeam.run(args);
        System.out.println(r.out());
        assertThat(r.exitCode()).as("%s", r.everything()).isZero();
      }
      System.out.println("Data Lake (WebHDFS) /datalake/output:");
      for (var s : webhdfs.fileSystem().listStatus(new org.apache.hadoop.fs.Path(
          "/datalake/output"))) {
        System.out.println("  " + s.getPath().getName() + " " + s.getLen() + " bytes");
      }
      System.out.println("Blob (Azurite) mycontainer/myfolder/.../hourno=*:");
      AzureStoresTest.blobNames(azurite.client().getBlobContainerClient("mycontainer"),
          "myfolder/yearno=2014/monthno=06/dayno=01/hourno=").stream()
          .filter(n -> !n.contains(".adf-beam")).forEach(n -> System.out.println("  " + n));
    }
  }
}
