package io.meshwork.functions.access;

/**
 * Where the reconciler keeps what Meshwork made in a tenant's catalog between runs. Lake Formation cannot mark a grant
 * with who made it, so this record is what tells Meshwork's grants from grants made outside Meshwork.
 */
public interface AccessLedger {

  /** What Meshwork made so far; {@link ManagedAccess#NONE} before the first run. */
  ManagedAccess read();

  /** Replaces the record with {@code access}. */
  void write(ManagedAccess access);
}
