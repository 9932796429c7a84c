package org.lumen.server.archive;

/** What {@link Archive#store} does with an instance whose SOP Instance UID is already stored. */
public enum DuplicatePolicy {
    /** Keep the stored instance, discard the new one, report success (as most archives do for retransmissions). */
    KEEP,
    /** Store the new instance and remove the old one once the new one is committed. */
    REPLACE,
    /** Refuse the new instance with {@link StoreException.Reason#DUPLICATE}. */
    REJECT
}
