package org.lumen.server.archive;

/**
 * The outcome of a successful {@link Archive#store}: the instance as now stored, and what happened.
 *
 * @param instance the stored instance (for KEPT, the one already stored)
 * @param outcome  STORED (new), REPLACED (a former copy was replaced), KEPT (a copy was already stored; the new one discarded)
 */
public record StoreResult(StoredInstance instance, Outcome outcome) {
    public enum Outcome { STORED, REPLACED, KEPT }
}
