package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.model.Secret;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  private static final SecretMasker MASKER = SecretMasker.standard();
  private static final SourceLocation HERE = new SourceLocation("ls.json", 1, 1, "");

  @Test
  void masksAccountKeyInAConnectionString() {
    assertThat(MASKER.mask(
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=SuperSecretKey123==;"
            + "EndpointSuffix=core.windows.net"))
        .isEqualTo("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=******;"
            + "EndpointSuffix=core.windows.net");
  }

  @Test
  void masksSharedAccessSignatureAndPasswords() {
    assertThat(MASKER.mask("BlobEndpoint=https://a.blob.core.windows.net/;"
        + "SharedAccessSignature=sv=2020-08-04&ss=b&sig=abc%2Bdef%3D"))
        .isEqualTo("BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=******");
    assertThat(MASKER.mask("Server=db;User ID=me;Password=p@ss word;"))
        .isEqualTo("Server=db;User ID=me;Password=****** word;");
    assertThat(MASKER.mask("Server=db;Uid=me;PWD=hunter2;"))
        .isEqualTo("Server=db;Uid=me;PWD=******;");
    assertThat(MASKER.mask("accountkey = abc")).isEqualTo("accountkey = ******");
  }

  @Test
  void masksTheSignatureOfSasUris() {
    assertThat(MASKER.mask(
        "https://acct.blob.core.windows.net/c?sv=2020-08-04&se=2030-01-01&sig=Ab%2Fc%3D&sp=r"))
        .isEqualTo(
            "https://acct.blob.core.windows.net/c?sv=2020-08-04&se=2030-01-01&sig=******&sp=r");
    assertThat(MASKER.mask("?SIG=xyz")).isEqualTo("?SIG=******");
  }

  @Test
  void masksCredentialMembersInJsonText() {
    assertThat(MASKER.mask("{\"servicePrincipalKey\": \"abc\\\"def\", \"tenant\": \"t\"}"))
        .isEqualTo("{\"servicePrincipalKey\": \"******\", \"tenant\": \"t\"}");
    assertThat(MASKER.mask("\"password\":\"p\", \"accountKey\" : \"k\", \"key\": \"v\""))
        .isEqualTo("\"password\":\"******\", \"accountKey\" : \"******\", \"key\": \"******\"");
    assertThat(MASKER.mask("{\"type\": \"SecureString\", \"value\": \"s3cret\"}"))
        .isEqualTo("{\"type\": \"SecureString\", \"value\": \"******\"}");
    assertThat(MASKER.mask("{\"value\": \"s3cret\", \"type\": \"SecureString\"}"))
        .isEqualTo("{\"value\": \"******\", \"type\": \"SecureString\"}");
  }

  @Test
  void maskedJsonStaysValidJson() throws Exception {
    String json = "{\"connectionString\": \"AccountKey=ab\\\"cd;x=1\", \"password\": \"a\\\\b\"}";

    new ObjectMapper().readTree(MASKER.mask(json));
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "src/Tables/In.json:3:5 /properties/linkedServiceName: AccountName=acct;"
        + " design=flat; signature of the dataset; \"keyword\": \"k\"; \"partitionKeys\": 1;"
        + " \"password\": \"\"";

    assertThat(MASKER.mask(text)).isEqualTo(text);
    assertThat(MASKER.mask("")).isEmpty();
  }

  @Test
  void maskingTwiceChangesNothing() {
    String once = MASKER.mask("AccountKey=k1;Password=p;\"key\": \"v\"; ?sig=s");

    assertThat(MASKER.mask(once)).isEqualTo(once);
    assertThat(once)
        .isEqualTo("AccountKey=******;Password=******;\"key\": \"******\"; ?sig=******");
  }

  @Test
  void knownSecretsAreMaskedWhereverTheyAppear() {
    SecretMasker masker = MASKER.withSecrets(List.of(
        "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFy==", "abc"));

    assertThat(masker.mask("unknown compression 'Zm9vYmFy=='"))
        .isEqualTo("unknown compression '******'");
    assertThat(masker.mask("a value abc stays")).isEqualTo("a value abc stays");
  }

  @Test
  void forFactoryCollectsEveryInlineSecretOfItsLinkedServices() {
    LinkedService blob = new LinkedService.AzureBlobStorage("Blob", "AzureStorage", null,
        Optional.of(new Secret.Inline("AccountName=a;AccountKey=BlobKey789", HERE)),
        Optional.of(new Secret.Inline("https://a.blob.core.windows.net/?sv=1&sig=SasSig111", HERE)),
        Optional.empty(), Optional.empty(), HERE);
    LinkedService lake = new LinkedService.AzureDataLakeStore("Lake", Optional.empty(),
        Optional.of("principal"), Optional.of(new Secret.Inline("LakeKey456", HERE)),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), HERE);
    LinkedService vault = new LinkedService.FileServer("Share", "FileServer", Optional.empty(),
        Optional.empty(), Optional.of(new Secret.KeyVaultReference("Vault", "sharePassword", HERE)),
        HERE);
    Factory factory = new Factory(List.of(blob, lake, vault), List.of(), List.of(), List.of(),
        List.of());

    SecretMasker masker = SecretMasker.forFactory(factory);

    assertThat(masker.mask("BlobKey789 SasSig111 LakeKey456 principal sharePassword"))
        .isEqualTo("****** ****** ****** principal sharePassword");
  }
}
