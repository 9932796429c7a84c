package org.lumen.server.node;

import io.javalin.Javalin;
import org.lumen.net.AeConfig;
import org.lumen.net.DicomServer;
import org.lumen.net.DimseServiceRegistry;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.server.archive.DuplicatePolicy;
import org.lumen.server.config.ConfigException;
import org.lumen.server.config.NodeConfig;
import org.lumen.server.dicomweb.ArchiveBackend;
import org.lumen.server.dicomweb.DicomWebConfig;
import org.lumen.server.dicomweb.DicomWebRoutes;
import org.lumen.server.dimse.DimseServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A running Lumen node: the archive, the DICOM listener with the DIMSE services over it, and the HTTP listener with
 * DICOMweb. {@link #close()} stops taking new work first (both listeners), lets associations in flight finish their
 * operations, then closes the archive, so that nothing acknowledged is left half-written.
 */
public final class LumenNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LumenNode.class);

    /** How long associations in flight may take to end at shutdown before their connections are closed. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final NodeConfig config;
    private final Archive archive;
    private final DimseServices services;
    private final DicomServer dicom;
    private final Javalin http;

    private LumenNode(NodeConfig config, Archive archive, DimseServices services, DicomServer dicom, Javalin http) {
        this.config = config;
        this.archive = archive;
        this.services = services;
        this.dicom = dicom;
        this.http = http;
    }

    public static LumenNode start(NodeConfig config) throws ConfigException, IOException {
        Archive archive = Archive.open(archiveConfig(config));
        DimseServices services = null;
        DicomServer dicom = null;
        try {
            DimseServiceRegistry registry = new DimseServiceRegistry();
            Map<String, AeConfig.RemoteAe> remotes = remoteAes(config.dicom());
            services = DimseServices.register(registry, archive, config.dicom().aeTitle(),
                    config.dicom().allowedCallingAets(), remotes, config.data().resolve("worklist"));
            dicom = DicomServer.start(aeConfig(config.dicom(), remotes), registry, config.bind(), config.dicom().port());
            Javalin http = startHttp(config, archive);
            LumenNode node = new LumenNode(config, archive, services, dicom, http);
            LOG.info("Lumen {} listening: DICOM {}:{}, HTTP http://{}:{}/ (DICOMweb under /dicom-web/), data {}",
                    config.dicom().aeTitle(), config.bind(), dicom.port(), config.bind(), http.port(),
                    config.data().toAbsolutePath());
            return node;
        } catch (IOException | RuntimeException e) {
            if (dicom != null) {
                dicom.close();
            }
            if (services != null) {
                services.close();
            }
            archive.close();
            throw e;
        }
    }

    static ArchiveConfig archiveConfig(NodeConfig config) throws ConfigException {
        NodeConfig.Archive a = config.archive();
        DuplicatePolicy policy;
        try {
            policy = DuplicatePolicy.valueOf(a.duplicatePolicy().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("setting 'archive.duplicatePolicy': '" + a.duplicatePolicy()
                    + "' is not one of KEEP, REPLACE, REJECT");
        }
        return ArchiveConfig.of(config.data())
                .withJdbc(blankToNull(a.jdbcUrl()), blankToNull(a.jdbcUser()), blankToNull(a.jdbcPassword()))
                .withDuplicatePolicy(policy)
                .withStudyStable(Duration.ofSeconds(a.studyStableSeconds()))
                .withMaxInstanceBytes(a.maxInstanceBytes());
    }

    /** Calling AE titles are checked per service by the registry (DimseServices), not here. */
    private static AeConfig aeConfig(NodeConfig.Dicom d, Map<String, AeConfig.RemoteAe> remotes) {
        return AeConfig.of(d.aeTitle())
                .withMaxPduLength(d.maxPduLength(), 0)
                .withMaxAssociations(d.maxAssociations())
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(d.idleTimeoutSeconds()))
                .withMoveDestinations(remotes);
    }

    private static Map<String, AeConfig.RemoteAe> remoteAes(NodeConfig.Dicom d) {
        Map<String, AeConfig.RemoteAe> remotes = new LinkedHashMap<>();
        d.remoteAes().forEach((ae, r) -> remotes.put(ae, new AeConfig.RemoteAe(ae, r.host(), r.port())));
        return remotes;
    }

    private static Javalin startHttp(NodeConfig config, Archive archive) {
        DicomWebConfig web = DicomWebConfig.DEFAULT.withAllowedOrigins(List.copyOf(config.http().corsOrigins()));
        ArchiveBackend backend = new ArchiveBackend(archive);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            DicomWebRoutes.register(cfg, backend, web);
        }).start(config.bind(), config.http().port());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public NodeConfig config() {
        return config;
    }

    public Archive archive() {
        return archive;
    }

    public int dicomPort() {
        return dicom.port();
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        dicom.stop(SHUTDOWN_GRACE);
        http.stop();
        services.close();
        archive.close();
        LOG.info("Lumen {} stopped", config.dicom().aeTitle());
    }
}
