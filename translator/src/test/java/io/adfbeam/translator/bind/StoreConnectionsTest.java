package io.adfbeam.translator.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store credentials as Hadoop settings, where no local server can check them: a Gen2
 * (AzureBlobFS) service principal becomes OAuth client credentials against the tenant's token
 * endpoint, and its secret is one of the values every output masks.
 */
class StoreConnectionsTest {
  private static final String SECRET = "Gen2PrincipalSecret~42";

  @TempDir Path temp;

  @Test
  void aGen2ServicePrincipalIsOAuthClientCredentials() throws IOException {
    write("LinkedServices/Lake.json", "{\"name\": \"Lake\", \"properties\": {\"type\": \"AzureBlobFS\","
        + " \"typeProperties\": {\"url\": \"https://contoso.dfs.core.windows.net\","
        + " \"servicePrincipalId\": \"11111111-2222-3333-4444-555555555555\","
        + " \"servicePrincipalKey\": {\"type\": \"SecureString\", \"value\": \"" + SECRET + "\"},"
        + " \"tenant\": \"contoso.onmicrosoft.com\"}}}");
    write("LinkedServices/Local.json", "{\"name\": \"Local\", \"properties\": {\"type\":"
        + " \"OnPremisesFileServer\", \"typeProperties\": {\"host\": \"" + temp + "\"}}}");
    write("Tables/In.json", "{\"name\": \"In\", \"properties\": {\"type\": \"FileShare\","
        + " \"linkedServiceName\": \"Local\", \"typeProperties\": {\"folderPath\": \"in\"},"
        + " \"external\": true, \"availability\": {\"frequency\": \"Day\", \"interval\": 1}}}");
    write("Tables/Out.json", "{\"name\": \"Out\", \"properties\": {\"type\": \"Binary\","
        + " \"linkedServiceName\": {\"referenceName\": \"Lake\", \"type\": \"LinkedServiceReference\"},"
        + " \"typeProperties\": {\"location\": {\"type\": \"AzureBlobFSLocation\","
        + " \"fileSystem\": \"raw\", \"folderPath\": \"out\"}}}}");
    write("Pipelines/P.json", "{\"name\": \"P\", \"properties\": {\"start\": \"2016-01-01T00:00:00Z\","
        + " \"end\": \"2016-01-02T00:00:00Z\", \"activities\": [{\"name\": \"C\", \"type\": \"Copy\","
        + " \"inputs\": [{\"name\": \"In\"}], \"outputs\": [{\"name\": \"Out\"}], \"typeProperties\":"
        + " {\"source\": {\"type\": \"FileSystemSource\"}, \"sink\": {\"type\": \"AzureDataLakeStoreSink\"}},"
        + " \"scheduler\": {\"frequency\": \"Day\", \"interval\": 1}}]}}");
    Factory factory = FactoryLoader.load(temp.resolve("factory"));
    var runs = Planner.plan(factory, PlanRequest.ALL).runs();
    CopyBinder.Result bound = CopyBinder.bind(factory, runs, StoreMapping.none());
    assertThat(bound.diagnostics()).isEmpty();
    assertThat(bound.runs().get(0).task().sink().folder())
        .isEqualTo("abfs://raw@contoso.dfs.core.windows.net/out/");

    StoreConnections.Result connections = StoreConnections.connect(factory, bound.runs(),
        StoreMapping.none(), SecretValues.none());

    Map<String, String> conf = connections.settings().hadoop().values().iterator().next();
    assertThat(conf).containsEntry("fs.azure.account.auth.type", "OAuth")
        .containsEntry("fs.azure.account.oauth.provider.type",
            "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider")
        .containsEntry("fs.azure.account.oauth2.client.endpoint",
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token")
        .containsEntry("fs.azure.account.oauth2.client.id", "11111111-2222-3333-4444-555555555555")
        .containsEntry("fs.azure.account.oauth2.client.secret", SECRET);
    assertThat(connections.secrets()).contains(SECRET);
  }

  private void write(String relative, String json) throws IOException {
    Path file = temp.resolve("factory").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }
}
