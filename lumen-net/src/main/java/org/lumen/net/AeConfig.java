package org.lumen.net;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.lumen.net.pdu.UserInfo.UserIdentity;

/**
 * How a Lumen application entity behaves on the network, as acceptor (SCP) and as requestor (SCU).
 *
 * @param aeTitle our AE title; an A-ASSOCIATE-RQ calling another one is rejected (called AE not recognized)
 * @param allowedCallingAes calling AE titles allowed to associate at all; empty means any (per-service lists are in the
 *        registry)
 * @param maxPduLengthReceive the maximum P-DATA-TF length we advertise and accept; a longer PDU is aborted
 * @param maxPduLengthSend the largest P-DATA-TF we send, whatever the peer allows (0: the peer's maximum)
 * @param artimTimeout ARTIM: how long we wait for an A-ASSOCIATE-RQ after accepting a connection, for the peer to close
 *        after a release or abort, and for an A-ASSOCIATE-AC or A-RELEASE-RP
 * @param idleTimeout an established association with nothing outstanding and nothing received for this long is aborted
 *        (zero: never)
 * @param maxAssociations the most associations the server holds at once; more get A-ASSOCIATE-RJ (local limit exceeded)
 * @param maxOpsPerformed the asynchronous operations window we perform (and accept) at once
 * @param maxDataSetBuffer the most bytes of a data set held in memory for one operation: identifiers of C-FIND/C-MOVE/
 *        C-GET requests and responses; C-STORE data sets stream instead
 * @param sslContext DICOM TLS when not null: the server accepts and the client connects over TLS
 * @param moveDestinations C-MOVE destinations by AE title
 * @param userIdentityVerifier checks a user identity negotiation; null accepts any and sends no response
 */
public record AeConfig(String aeTitle, Set<String> allowedCallingAes, int maxPduLengthReceive, int maxPduLengthSend,
        Duration artimTimeout, Duration idleTimeout, int maxAssociations, int maxOpsPerformed, int maxDataSetBuffer,
        SSLContext sslContext, Map<String, RemoteAe> moveDestinations, UserIdentityVerifier userIdentityVerifier) {

    /** Where a C-MOVE destination listens. */
    public record RemoteAe(String aeTitle, String host, int port) {
    }

    /** Decides on a user identity: return the server response (empty array for none) or throw to reject the association. */
    @FunctionalInterface
    public interface UserIdentityVerifier {
        byte[] verify(String callingAe, UserIdentity identity) throws SecurityException;
    }

    public AeConfig {
        Objects.requireNonNull(aeTitle, "aeTitle");
        if (aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1 to 16 characters: '" + aeTitle + "'");
        }
        allowedCallingAes = Set.copyOf(allowedCallingAes);
        moveDestinations = Map.copyOf(moveDestinations);
        if (maxPduLengthReceive < 4096 || maxPduLengthReceive > (64 << 20)) {
            throw new IllegalArgumentException("maxPduLengthReceive must be 4 KiB to 64 MiB: " + maxPduLengthReceive);
        }
        if (maxAssociations < 1 || maxOpsPerformed < 1) {
            throw new IllegalArgumentException("maxAssociations and maxOpsPerformed must be at least 1");
        }
    }

    /** Defaults: any caller, 64 KiB PDUs, ARTIM 10 s, idle 5 min, 32 associations, window 1, 4 MiB identifiers, no TLS. */
    public static AeConfig of(String aeTitle) {
        return new AeConfig(aeTitle, Set.of(), 65536, 0, Duration.ofSeconds(10), Duration.ofMinutes(5), 32, 1, 4 << 20, null,
                Map.of(), null);
    }

    public AeConfig withAllowedCallingAes(Set<String> aes) {
        return new AeConfig(aeTitle, aes, maxPduLengthReceive, maxPduLengthSend, artimTimeout, idleTimeout, maxAssociations,
                maxOpsPerformed, maxDataSetBuffer, sslContext, moveDestinations, userIdentityVerifier);
    }

    public AeConfig withMaxPduLength(int receive, int send) {
        return new AeConfig(aeTitle, allowedCallingAes, receive, send, artimTimeout, idleTimeout, maxAssociations,
                maxOpsPerformed, maxDataSetBuffer, sslContext, moveDestinations, userIdentityVerifier);
    }

    public AeConfig withTimeouts(Duration artim, Duration idle) {
        return new AeConfig(aeTitle, allowedCallingAes, maxPduLengthReceive, maxPduLengthSend, artim, idle, maxAssociations,
                maxOpsPerformed, maxDataSetBuffer, sslContext, moveDestinations, userIdentityVerifier);
    }

    public AeConfig withMaxAssociations(int max) {
        return new AeConfig(aeTitle, allowedCallingAes, maxPduLengthReceive, maxPduLengthSend, artimTimeout, idleTimeout, max,
                maxOpsPerformed, maxDataSetBuffer, sslContext, moveDestinations, userIdentityVerifier);
    }

    public AeConfig withMaxOpsPerformed(int max) {
        return new AeConfig(aeTitle, allowedCallingAes, maxPduLengthReceive, maxPduLengthSend, artimTimeout, idleTimeout,
                maxAssociations, max, maxDataSetBuffer, sslContext, moveDestinations, userIdentityVerifier);
    }

    public AeConfig withSslContext(SSLContext context) {
        return new AeConfig(aeTitle, allowedCallingAes, maxPduLengthReceive, maxPduLengthSend, artimTimeout, idleTimeout,
                maxAssociations, maxOpsPerformed, maxDataSetBuffer, context, moveDestinations, userIdentityVerifier);
    }

    public AeConfig withMoveDestinations(Map<String, RemoteAe> destinations) {
        return new AeConfig(aeTitle, allowedCallingAes, maxPduLengthReceive, maxPduLengthSend, artimTimeout, idleTimeout,
                maxAssociations, maxOpsPerformed, maxDataSetBuffer, sslContext, destinations, userIdentityVerifier);
    }

    public AeConfig withUserIdentityVerifier(UserIdentityVerifier verifier) {
        return new AeConfig(aeTitle, allowedCallingAes, maxPduLengthReceive, maxPduLengthSend, artimTimeout, idleTimeout,
                maxAssociations, maxOpsPerformed, maxDataSetBuffer, sslContext, moveDestinations, verifier);
    }
}
