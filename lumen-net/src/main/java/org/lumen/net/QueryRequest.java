package org.lumen.net;

import java.util.function.BooleanSupplier;

/**
 * A C-FIND, C-MOVE or C-GET request as the service sees it.
 *
 * @param extendedNegotiation the SOP class extended negotiation bytes the requestor proposed for this SOP class (relational
 *        queries, fuzzy matching...), or null
 * @param moveDestination the C-MOVE destination AE, null otherwise
 * @param cancelled true once a C-CANCEL for this request has arrived
 */
public record QueryRequest(String callingAe, String calledAe, int commandField, String sopClassUid, int priority,
        String moveDestination, byte[] extendedNegotiation, BooleanSupplier cancelled) {

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
