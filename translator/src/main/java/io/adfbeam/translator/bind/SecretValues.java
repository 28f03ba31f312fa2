package io.adfbeam.translator.bind;

import io.adfbeam.translator.model.Secret;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Secret values the user gives for a run ({@code --secret NAME=env:VAR|file:PATH}), by name. A
 * name is either {@code LINKEDSERVICE.PROPERTY} (it replaces that credential of the linked
 * service: {@code accountKey}, {@code sasToken}, {@code connectionString}, {@code sasUri}, {@code
 * servicePrincipalKey}), or the {@code secretName} of a v2 {@code AzureKeyVaultSecret} reference,
 * which adf-beam cannot read from a vault. Names match ignoring case. {@link #toString} shows the
 * names only.
 */
public final class SecretValues {
  private final Map<String, String> values;

  private SecretValues(Map<String, String> values) {
    this.values = values;
  }

  /** No values. */
  public static SecretValues none() {
    return new SecretValues(Map.of());
  }

  /** Values by name. */
  public static SecretValues of(Map<String, String> byName) {
    Map<String, String> v = new LinkedHashMap<>();
    byName.forEach((k, value) -> v.put(k.trim().toLowerCase(Locale.ROOT), value));
    return new SecretValues(v);
  }

  /** Every value, to be masked wherever it could appear. */
  public Collection<String> values() {
    return values.values();
  }

  /** The value named {@code name}, if given. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * A linked service's credential: the user's {@code LINKEDSERVICE.PROPERTY} value, else the
   * value written in the definition, else the user's value for its Key Vault reference.
   *
   * @throws IllegalArgumentException when a Key Vault reference has no value given
   */
  Optional<String> resolve(String linkedService, String property, Optional<Secret> secret) {
    Optional<String> given = get(linkedService + "." + property);
    if (given.isPresent()) {
      return given;
    }
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    if (secret.get() instanceof Secret.Inline inline) {
      return Optional.of(inline.value());
    }
    Secret.KeyVaultReference ref = (Secret.KeyVaultReference) secret.get();
    Optional<String> fromVault = get(ref.secretName());
    if (fromVault.isPresent()) {
      return fromVault;
    }
    throw new IllegalArgumentException("linked service '" + linkedService + "': " + property
        + " is the secret '" + ref.secretName() + "' of Azure Key Vault linked service '"
        + ref.store() + "', and adf-beam reaches no vault; give its value with --secret "
        + ref.secretName() + "=env:VARIABLE or --secret " + ref.secretName() + "=file:PATH");
  }

  @Override
  public String toString() {
    return "SecretValues" + values.keySet();
  }
}
