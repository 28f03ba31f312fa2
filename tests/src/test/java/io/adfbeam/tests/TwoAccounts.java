package io.adfbeam.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small v2 factories (one file per resource) for the Azure store tests. */
final class TwoAccounts {
  private TwoAccounts() {}

  static void write(Path folder, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(Files.createDirectories(folder).resolve(e.getKey() + ".json"),
          e.getValue());
    }
  }

  static String blob(String name, String account, String key) {
    return """
        { "name": "%s", "properties": { "type": "AzureBlobStorage", "typeProperties": {
          "connectionString": "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s" } } }
        """.formatted(name, account, key);
  }

  static String binary(String name, String linkedService, String locationType, String container,
      String folder) {
    return """
        { "name": "%s", "properties": { "type": "Binary",
          "linkedServiceName": { "referenceName": "%s", "type": "LinkedServiceReference" },
          "typeProperties": { "location": { "type": "%s", %s "folderPath": "%s" } } } }
        """.formatted(name, linkedService, locationType,
        container == null ? "" : "\"container\": \"" + container + "\",", folder);
  }

  static String copy(String pipeline, String in, String out) {
    return """
        { "name": "%s", "properties": { "activities": [ { "name": "Copy", "type": "Copy",
          "inputs": [ { "referenceName": "%s", "type": "DatasetReference" } ],
          "outputs": [ { "referenceName": "%s", "type": "DatasetReference" } ],
          "typeProperties": { "source": { "type": "BinarySource" },
            "sink": { "type": "BinarySink" } } } ] } }
        """.formatted(pipeline, in, out);
  }

  static String fileServer(String name, String host) {
    return """
        { "name": "%s", "properties": { "type": "FileServer", "typeProperties": {
          "host": "%s" } } }
        """.formatted(name, host);
  }

  /** Blob account to Blob account: two accounts, refused. */
  static Map<String, String> twoAccounts() {
    return Map.of(
        "SourceStorage", blob("SourceStorage", "first", "Zmlyc3Qga2V5"),
        "SinkStorage", blob("SinkStorage", "second", "c2Vjb25kIGtleQ=="),
        "In", binary("In", "SourceStorage", "AzureBlobStorageLocation", "in", "data"),
        "Out", binary("Out", "SinkStorage", "AzureBlobStorageLocation", "out", "data"),
        "Move", copy("Move", "In", "Out"));
  }

  /** A local folder to Gen2 (file system "lake", folder gen2/out). */
  static Map<String, String> gen2(Path local) {
    return Map.of(
        "Local", fileServer("Local", local.toString()),
        "Gen2", """
            { "name": "Gen2", "properties": { "type": "AzureBlobFS", "typeProperties": {
              "url": "https://devstoreaccount1.dfs.core.windows.net",
              "accountKey": { "type": "SecureString", "value": "<key>" } } } }
            """,
        "In", binary("In", "Local", "FileServerLocation", null, "in"),
        "Out", """
            { "name": "Out", "properties": { "type": "Binary",
              "linkedServiceName": { "referenceName": "Gen2", "type": "LinkedServiceReference" },
              "typeProperties": { "location": { "type": "AzureBlobFSLocation",
                "fileSystem": "lake", "folderPath": "gen2/out" } } } }
            """,
        "ToLake", copy("ToLake", "In", "Out"));
  }

  /** A local folder to a Blob account whose key is a Key Vault secret. */
  static Map<String, String> vault(Path local) {
    return Map.of(
        "Local", fileServer("Local", local.toString()),
        "Vault", """
            { "name": "Vault", "properties": { "type": "AzureKeyVault", "typeProperties": {
              "baseUrl": "https://example.vault.azure.net/" } } }
            """,
        "Vaulted", """
            { "name": "Vaulted", "properties": { "type": "AzureBlobStorage", "typeProperties": {
              "connectionString": "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;",
              "accountKey": { "type": "AzureKeyVaultSecret",
                "store": { "referenceName": "Vault", "type": "LinkedServiceReference" },
                "secretName": "storage-key" } } } }
            """,
        "In", binary("In", "Local", "FileServerLocation", null, "in"),
        "Out", binary("Out", "Vaulted", "AzureBlobStorageLocation", "vault", "out"),
        "ToBlob", copy("ToBlob", "In", "Out"));
  }
}
