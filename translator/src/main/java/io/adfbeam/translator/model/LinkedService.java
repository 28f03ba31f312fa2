package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.Optional;

/** Where data lives: a linked service, by kind. Unknown kinds are kept, with their type. */
public sealed interface LinkedService extends Resource {

  /** The {@code type} as written (trimmed). */
  String type();

  /**
   * Azure Blob Storage: v1 {@code AzureStorage} or v2 {@code AzureBlobStorage}. One of a
   * connection string (account key or SAS inside), a SAS URI, or a v2 service endpoint.
   */
  record AzureBlobStorage(
      String name,
      String type,
      AdfVersion version,
      Optional<Secret> connectionString,
      Optional<Secret> sasUri,
      Optional<String> serviceEndpoint,
      Optional<Secret> accountKey,
      SourceLocation location)
      implements LinkedService {}

  /** Azure Data Lake Store Gen1, with service principal or (unsupported) user credentials. */
  record AzureDataLakeStore(
      String name,
      Optional<String> dataLakeStoreUri,
      Optional<String> servicePrincipalId,
      Optional<Secret> servicePrincipalKey,
      Optional<String> tenant,
      Optional<String> sessionId,
      Optional<Secret> authorization,
      Optional<String> accountName,
      Optional<String> subscriptionId,
      Optional<String> resourceGroupName,
      SourceLocation location)
      implements LinkedService {
    @Override
    public String type() {
      return "AzureDataLakeStore";
    }

    /** Whether the definition uses user-credential (OAuth session) authentication. */
    public boolean usesUserCredential() {
      return sessionId.isPresent() || authorization.isPresent();
    }
  }

  /** Azure Data Lake Storage Gen2 ({@code AzureBlobFS}). */
  record AzureBlobFs(
      String name,
      Optional<String> url,
      Optional<Secret> accountKey,
      Optional<String> servicePrincipalId,
      Optional<Secret> servicePrincipalKey,
      Optional<String> tenant,
      SourceLocation location)
      implements LinkedService {
    @Override
    public String type() {
      return "AzureBlobFS";
    }
  }

  /** A file share: v1 {@code OnPremisesFileServer} or v2 {@code FileServer}. */
  record FileServer(
      String name,
      String type,
      Optional<String> host,
      Optional<String> userId,
      Optional<Secret> password,
      SourceLocation location)
      implements LinkedService {}

  /** HDFS through WebHDFS. */
  record Hdfs(
      String name,
      Optional<String> url,
      Optional<String> authenticationType,
      Optional<String> userName,
      Optional<Secret> password,
      SourceLocation location)
      implements LinkedService {
    @Override
    public String type() {
      return "Hdfs";
    }
  }

  /** Azure Data Explorer (Kusto). */
  record AzureDataExplorer(
      String name,
      Optional<String> endpoint,
      Optional<String> database,
      Optional<String> servicePrincipalId,
      Optional<Secret> servicePrincipalKey,
      Optional<String> tenant,
      SourceLocation location)
      implements LinkedService {
    @Override
    public String type() {
      return "AzureDataExplorer";
    }
  }

  /** A linked service adf-beam does not move data with; kept so references still resolve. */
  record Unsupported(String name, String type, SourceLocation location) implements LinkedService {}
}
