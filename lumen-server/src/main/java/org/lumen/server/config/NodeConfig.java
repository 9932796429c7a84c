package org.lumen.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of a Lumen node, in one immutable value. Defaults make the first run work with no file at all
 * ({@link #defaults()}); a YAML file, environment variables and command-line flags override them, in that order
 * ({@link NodeConfigLoader}). The reference with every key is docs/configuration.md.
 *
 * @param data       where instances, the embedded index and logs live
 * @param bind       address both listeners bind to; loopback unless a site opens it on purpose
 * @param dicom      the DIMSE listener
 * @param http       the HTTP listener (DICOMweb, web app)
 * @param archive    storage and index behaviour
 */
public record NodeConfig(Path data, String bind, Dicom dicom, Http http, Archive archive) {

    public NodeConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dicom, "dicom");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(archive, "archive");
    }

    public static NodeConfig defaults() {
        return new NodeConfig(Path.of("lumen-data"), "127.0.0.1", Dicom.defaults(), Http.defaults(), Archive.defaults());
    }

    /**
     * The DIMSE listener.
     *
     * @param port               TCP port; 0 picks a free one (tests)
     * @param aeTitle            our called AE title
     * @param maxAssociations    associations served at once; more are rejected (transient, local limit exceeded)
     * @param maxPduLength       the largest P-DATA PDU we accept, announced in the association
     * @param idleTimeoutSeconds an association silent this long is aborted
     * @param allowedCallingAets per service (echo, store, find, move, get, commitment, worklist): calling AE titles let
     *                           in; a service not named here accepts any caller
     * @param remoteAes          where C-MOVE destinations and Storage Commitment replies go, by AE title
     */
    public record Dicom(int port, String aeTitle, int maxAssociations, int maxPduLength, int idleTimeoutSeconds,
                        Map<String, List<String>> allowedCallingAets, Map<String, RemoteAe> remoteAes) {
        public Dicom {
            Objects.requireNonNull(aeTitle, "dicom.aeTitle");
            allowedCallingAets = allowedCallingAets == null ? Map.of() : Map.copyOf(allowedCallingAets);
            remoteAes = remoteAes == null ? Map.of() : Map.copyOf(remoteAes);
        }

        static Dicom defaults() {
            return new Dicom(11112, "LUMEN", 64, 1 << 20, 300, Map.of(), Map.of());
        }

        public Dicom withPort(int newPort) {
            return new Dicom(newPort, aeTitle, maxAssociations, maxPduLength, idleTimeoutSeconds, allowedCallingAets,
                    remoteAes);
        }

        public Dicom withAeTitle(String newAeTitle) {
            return new Dicom(port, newAeTitle, maxAssociations, maxPduLength, idleTimeoutSeconds, allowedCallingAets,
                    remoteAes);
        }
    }

    /** A DICOM peer we open associations to. */
    public record RemoteAe(String host, int port) {
        public RemoteAe {
            Objects.requireNonNull(host, "remote AE host");
        }
    }

    /**
     * The HTTP listener.
     *
     * @param port        TCP port; 0 picks a free one
     * @param corsOrigins origins allowed to call DICOMweb from a browser (e.g. an OHIF viewer on another port); empty =
     *                    same origin only, "*" = any
     */
    public record Http(int port, List<String> corsOrigins) {
        public Http {
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        }

        static Http defaults() {
            return new Http(8080, List.of());
        }

        public Http withPort(int newPort) {
            return new Http(newPort, corsOrigins);
        }
    }

    /**
     * Storage and index.
     *
     * @param jdbcUrl            empty = embedded H2 in {@code data}/index; a {@code jdbc:postgresql:} URL for PostgreSQL
     * @param jdbcUser           database user (PostgreSQL)
     * @param jdbcPassword       database password (PostgreSQL); prefer the LUMEN_JDBC_PASSWORD variable to a file
     * @param duplicatePolicy    what a second instance with a stored SOP Instance UID does: KEEP, REPLACE or REJECT
     * @param studyStableSeconds quiet time after the last instance of a study before analysis starts
     * @param maxInstanceBytes   larger instances are refused (a DIMSE failure, a STOW failure reason)
     */
    public record Archive(String jdbcUrl, String jdbcUser, String jdbcPassword, String duplicatePolicy,
                          int studyStableSeconds, long maxInstanceBytes) {
        public Archive {
            jdbcUrl = jdbcUrl == null ? "" : jdbcUrl;
            jdbcUser = jdbcUser == null ? "" : jdbcUser;
            jdbcPassword = jdbcPassword == null ? "" : jdbcPassword;
            duplicatePolicy = duplicatePolicy == null ? "KEEP" : duplicatePolicy;
        }

        static Archive defaults() {
            return new Archive("", "", "", "KEEP", 30, 4L << 30);
        }

        public Archive withJdbcUrl(String url) {
            return new Archive(url, jdbcUser, jdbcPassword, duplicatePolicy, studyStableSeconds, maxInstanceBytes);
        }
    }

    public NodeConfig withData(Path newData) {
        return new NodeConfig(newData, bind, dicom, http, archive);
    }

    public NodeConfig withBind(String newBind) {
        return new NodeConfig(data, newBind, dicom, http, archive);
    }

    public NodeConfig withDicom(Dicom newDicom) {
        return new NodeConfig(data, bind, newDicom, http, archive);
    }

    public NodeConfig withHttp(Http newHttp) {
        return new NodeConfig(data, bind, dicom, newHttp, archive);
    }

    public NodeConfig withArchive(Archive newArchive) {
        return new NodeConfig(data, bind, dicom, http, newArchive);
    }
}
