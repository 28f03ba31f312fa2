package io.adfbeam.transforms.stores;

import com.azure.storage.blob.models.BlobStorageException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Short, secret-free descriptions of store failures: the Azure and Hadoop clients' own messages run
 * to many lines (request ids, XML bodies, stack-like detail); these name what went wrong.
 */
public final class StoreErrors {
  /** The words an authentication failure's description starts with. */
  public static final String AUTHENTICATION_FAILED = "authentication failed";

  private StoreErrors() {}

  /** A store operation that failed, with the path and a short cause. */
  public static IOException failure(String operation, String path, Throwable cause) {
    if (cause instanceof StoreException e) {
      return e;
    }
    return new StoreException("cannot " + operation + " " + path + ": " + describe(cause), cause);
  }

  /** The failure's cause in a line. */
  public static String describe(Throwable e) {
    String auth = authenticationFailure(e);
    if (auth != null) {
      return auth;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlobStorageException b) {
        String code = b.getErrorCode() == null ? "" : " " + b.getErrorCode().toString();
        return (isAuthStatus(b.getStatusCode()) ? AUTHENTICATION_FAILED + ": " : "")
            + "the Blob service answered HTTP " + b.getStatusCode() + code;
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return "the store is unreachable (" + t.getClass().getSimpleName() + ")";
      }
      String m = t.getMessage() == null ? "" : t.getMessage();
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("connection refused") || lower.contains("connection reset")
          || lower.contains("prematurely closed")) {
        return "the store is unreachable (connection refused or reset)";
      }
      if (lower.contains("failed to acquire token") || lower.contains("http error 401")
          || lower.contains("aadtoken") || lower.contains("oauth2/token")
          || lower.contains("unauthorized") || lower.matches("(?s).*\\b(401|403)\\b.*")
          || lower.contains("invalid_client") || lower.contains("authenticationfailed")
          || lower.contains("operation failed: \"server failed to authenticate")
          || lower.contains("403") && lower.contains("authoriz")
          || lower.matches("(?s).*\\b(401|403)\\b.*(unauthorized|forbidden).*")) {
        return AUTHENTICATION_FAILED + ": " + firstLine(m);
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = e.getMessage() == null || e.getMessage().isBlank() ? root.getMessage()
        : e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : firstLine(m);
  }

  /** An authentication failure anywhere in the chain, described with the outermost message. */
  private static String authenticationFailure(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof BlobStorageException b && isAuthStatus(b.getStatusCode())) {
        return AUTHENTICATION_FAILED + ": the Blob service answered HTTP " + b.getStatusCode()
            + (b.getErrorCode() == null ? "" : " " + b.getErrorCode());
      }
      String lower = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (lower.contains("aadtoken") || lower.contains("oauth2/token")
          || lower.contains("invalid_client") || lower.contains("failed to acquire token")
          || lower.contains("authenticationfailed") || lower.contains("unauthorized")
          || lower.contains("server failed to authenticate")) {
        String outer = e.getMessage() == null ? t.getClass().getSimpleName() : e.getMessage();
        return AUTHENTICATION_FAILED + " (" + firstLine(outer) + ")";
      }
    }
    return null;
  }

  private static boolean isAuthStatus(int status) {
    return status == 401 || status == 403;
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int end = t.indexOf('\n');
    String line = (end < 0 ? t : t.substring(0, end)).strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** A store failure already described. */
  public static final class StoreException extends IOException {
    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
