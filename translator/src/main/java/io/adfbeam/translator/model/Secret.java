package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;

/**
 * A credential: an account key, a service principal key, a password, a SAS token or a connection
 * string that holds one. Its {@code toString} never shows the value.
 */
public sealed interface Secret {

  String MASK = "******";

  SourceLocation location();

  /** A value written in the definition itself. */
  record Inline(String value, SourceLocation location) implements Secret {
    @Override
    public String toString() {
      return MASK;
    }
  }

  /** A v2 {@code AzureKeyVaultSecret} reference: the vault's linked service and the secret's name. */
  record KeyVaultReference(String store, String secretName, SourceLocation location)
      implements Secret {
    @Override
    public String toString() {
      return "AzureKeyVaultSecret(" + store + ", " + secretName + ")";
    }
  }
}
