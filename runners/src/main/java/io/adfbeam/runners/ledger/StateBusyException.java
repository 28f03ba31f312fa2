package io.adfbeam.runners.ledger;

/** Another run process holds the state folder. */
public final class StateBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateBusyException(String message) {
    super(message);
  }
}
