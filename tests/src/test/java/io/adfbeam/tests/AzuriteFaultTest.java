package io.adfbeam.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import io.adfbeam.tests.servers.AzuriteServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azurite stopped in the middle of a copy into it: the activity run fails with a store error,
 * nothing is visible in the output folder, and once Azurite is back a second run writes exactly
 * the expected files. Azurite keeps its blobs in a folder here, so a restart keeps them.
 */
class AzuriteFaultTest {
  static AzuriteServer azurite;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws IOException {
    azurite = AzuriteServer.start(Files.createDirectories(dir.resolve("azurite")));
  }

  @AfterAll
  static void stop() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  void aCopyInterruptedByTheStoreFailsCleanlyAndARerunCompletesIt() throws Exception {
    Path local = Files.createDirectories(dir.resolve("local/in"));
    Random random = new Random(5);
    for (int i = 0; i < 24; i++) {
      byte[] data = new byte[1 << 20];
      random.nextBytes(data);
      Files.write(local.resolve(String.format("part-%02d.bin", i)), data);
    }
    Path factory = dir.resolve("factory");
    TwoAccounts.write(factory, TwoAccounts.vault(dir.resolve("local")));
    Path key = dir.resolve("key");
    Files.writeString(key, AzuriteServer.KEY);
    String[] args = {"run", factory.toString(), "--state", dir.resolve("state").toString(),
        "--window", AzureStoresTest.V2_WINDOW,
        "--store", "Vaulted=" + azurite.endpoint(), "--secret", "storage-key=file:" + key};
    BlobContainerClient container = azurite.client().getBlobContainerClient("vault");

    AtomicBoolean stopped = new AtomicBoolean();
    CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
      long deadline = System.currentTimeMillis() + 120_000;
      while (System.currentTimeMillis() < deadline) {
        try {
          if (container.exists() && AzureStoresTest.blobNames(container, "out/.adf-beam/").stream()
              .filter(n -> !n.endsWith(".manifest")).count() >= 3) {
            azurite.stop();
            stopped.set(true);
            return;
          }
          Thread.sleep(20);
        } catch (RuntimeException | InterruptedException e) {
          // not there yet
        }
      }
    });
    AdfBeam.Result failed = AdfBeam.run(args);
    killer.get(2, TimeUnit.MINUTES);

    assertThat(stopped).as("Azurite was stopped during the copy").isTrue();
    assertThat(failed.exitCode()).as("%s", failed.everything()).isEqualTo(1);
    assertThat(failed.out()).contains("Failed").contains("linked service 'Vaulted'")
        .contains("azfs://devstoreaccount1/vault/out/");

    azurite.restart();
    // Azurite saves its metadata now and then: killed, it may come back without the container
    // the copy created, which is no output either.
    List<String> left = container.exists() ? AzureStoresTest.blobNames(container, "out/") : List.of();
    assertThat(left.stream().filter(n -> !n.contains("/.adf-beam/"))).as("no partial output").isEmpty();

    AdfBeam.Result again = AdfBeam.run(args);
    assertThat(again.exitCode()).as("%s", again.everything()).isZero();
    List<String> names = AzureStoresTest.blobNames(container, "out/").stream()
        .filter(n -> !n.contains("/.adf-beam/")).toList();
    assertThat(names).hasSize(24);
    assertThat(AzureStoresTest.blobNames(container, "out/.adf-beam/")).as("staging removed")
        .allMatch(n -> n.endsWith(".manifest"));
    for (String name : names) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      container.getBlobClient(name).downloadStream(bytes);
      assertThat(bytes.toByteArray()).isEqualTo(
          Files.readAllBytes(local.resolve(name.substring("out/".length()))));
    }
  }
}
