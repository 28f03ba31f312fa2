package io.adfbeam.translator.load;

import io.adfbeam.translator.model.AdfVersion;
import io.adfbeam.translator.model.LinkedService;
import java.util.Locale;
import java.util.Optional;

/** Parses a linked service's {@code properties} into a typed {@link LinkedService}. */
final class LinkedServiceParser {
  private LinkedServiceParser() {}

  static LinkedService parse(String name, Props properties) {
    String type = properties.string("type").map(String::trim).orElse("");
    if (!properties.has("type")) {
      properties.diagnostics().error(properties.location(), "missing required property 'type'");
    }
    Props tp =
        properties.object("typeProperties").orElse(Props.empty(properties.location(), properties.diagnostics()));
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "azurestorage", "azureblobstorage", "azurestoragesas" -> blob(name, type, tp);
      case "azuredatalakestore" -> dataLake(name, tp);
      case "azureblobfs" ->
          new LinkedService.AzureBlobFs(
              name,
              tp.string("url"),
              tp.secret("accountKey"),
              tp.string("servicePrincipalId"),
              tp.secret("servicePrincipalKey"),
              tp.string("tenant"),
              properties.location());
      case "onpremisesfileserver", "fileserver" ->
          new LinkedService.FileServer(
              name, type, tp.string("host"), tp.string("userId"), tp.secret("password"),
              properties.location());
      case "hdfs" ->
          new LinkedService.Hdfs(
              name,
              tp.string("url"),
              tp.string("authenticationType"),
              tp.string("userName"),
              tp.secret("password"),
              properties.location());
      case "azuredataexplorer" ->
          new LinkedService.AzureDataExplorer(
              name,
              tp.string("endpoint"),
              tp.string("database"),
              tp.string("servicePrincipalId"),
              tp.secret("servicePrincipalKey"),
              tp.string("tenant"),
              properties.location());
      default -> new LinkedService.Unsupported(name, type, properties.location());
    };
  }

  private static LinkedService blob(String name, String type, Props tp) {
    AdfVersion version = type.equalsIgnoreCase("AzureBlobStorage") ? AdfVersion.V2 : AdfVersion.V1;
    LinkedService.AzureBlobStorage ls =
        new LinkedService.AzureBlobStorage(
            name,
            type,
            version,
            tp.secret("connectionString"),
            tp.secret("sasUri"),
            tp.string("serviceEndpoint"),
            tp.secret("accountKey"),
            tp.location());
    if (ls.connectionString().isEmpty() && ls.sasUri().isEmpty() && ls.serviceEndpoint().isEmpty()) {
      tp.diagnostics()
          .error(
              tp.location(),
              "missing required property 'connectionString'; an " + type
                  + " linked service needs connectionString (or sasUri"
                  + (version == AdfVersion.V2 ? ", or serviceEndpoint" : "") + ")");
    }
    return ls;
  }

  private static LinkedService dataLake(String name, Props tp) {
    Optional<String> uri = tp.requiredString("dataLakeStoreUri",
        "it names the account, as https://<account>.azuredatalakestore.net/webhdfs/v1");
    LinkedService.AzureDataLakeStore ls =
        new LinkedService.AzureDataLakeStore(
            name,
            uri,
            tp.string("servicePrincipalId"),
            tp.secret("servicePrincipalKey"),
            tp.string("tenant"),
            tp.string("sessionId"),
            tp.secret("authorization"),
            tp.string("accountName"),
            tp.string("subscriptionId"),
            tp.string("resourceGroupName"),
            tp.location());
    if (ls.usesUserCredential()) {
      tp.error(
          tp.has("sessionId") ? "sessionId" : "authorization",
          "user credential authentication (sessionId/authorization) is not supported: it needs an"
              + " interactive Azure sign-in from the Data Factory editor, and its token expires;"
              + " use service principal authentication instead (servicePrincipalId,"
              + " servicePrincipalKey, tenant)");
    } else {
      for (String required : new String[] {"servicePrincipalId", "servicePrincipalKey", "tenant"}) {
        if (!tp.has(required)) {
          tp.diagnostics()
              .error(
                  tp.location(),
                  "missing required property '" + required
                      + "'; service principal authentication needs servicePrincipalId,"
                      + " servicePrincipalKey and tenant");
        }
      }
    }
    return ls;
  }
}
