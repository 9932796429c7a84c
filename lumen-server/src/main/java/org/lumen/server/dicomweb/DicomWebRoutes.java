package org.lumen.server.dicomweb;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.lumen.server.archive.Archive;

/**
 * Mounts DICOMweb under {@value #PREFIX}: QIDO-RS, WADO-RS (retrieve, metadata, frames, bulk data, rendered,
 * thumbnails), STOW-RS, WADO-URI, with CORS and one error mapping. See lumen-server/README.md, section DICOMweb.
 *
 * <p>Javalin 7 declares routes in its configuration: call {@link #register(JavalinConfig, DicomWebBackend,
 * DicomWebConfig)} inside {@code Javalin.create(config -> ...)}. The {@link Javalin} overload adds the routes to an
 * application already created, through its {@code unsafe} state (before {@code start()}).
 */
public final class DicomWebRoutes {
    public static final String PREFIX = "/dicom-web";

    private DicomWebRoutes() {
    }

    /** The contract's form: the routes over the node's archive. */
    public static void register(Javalin app, Archive archive, DicomWebConfig config) {
        register(app, new ArchiveBackend(archive), config);
    }

    /** The routes over the node's archive, declared inside {@code Javalin.create(config -> ...)}. */
    public static void register(JavalinConfig javalin, Archive archive, DicomWebConfig config) {
        register(javalin, new ArchiveBackend(archive), config);
    }

    public static void register(JavalinConfig javalin, DicomWebBackend backend, DicomWebConfig config) {
        register(javalin.routes, backend, config);
    }

    public static void register(Javalin app, DicomWebBackend backend, DicomWebConfig config) {
        register(app.unsafe.routes, backend, config);
    }

    /** The routes themselves, each a small handler; API notes sit on the handler classes. */
    static void register(JavalinDefaultRoutingApi routes, DicomWebBackend backend, DicomWebConfig config) {
        Cors cors = new Cors(config);
        QidoHandler qido = new QidoHandler(backend, config);
        WadoHandler wado = new WadoHandler(backend, config);
        FramesHandler frames = new FramesHandler(backend);
        BulkDataHandler bulk = new BulkDataHandler(backend);
        RenderedHandler rendered = new RenderedHandler(backend, config);
        StowHandler stow = new StowHandler(backend, config);
        WadoUriHandler wadoUri = new WadoUriHandler(backend);

        routes.before(PREFIX + "/*", cors::addHeaders);
        routes.options(PREFIX + "/*", cors::preflight);

        String studies = PREFIX + "/studies";
        String study = studies + "/{study}";
        String series = study + "/series/{series}";
        String instance = series + "/instances/{instance}";

        // QIDO-RS
        routes.get(studies, ErrorResponses.wrap(qido::studies));
        routes.get(study + "/series", ErrorResponses.wrap(qido::series));
        routes.get(PREFIX + "/series", ErrorResponses.wrap(qido::series));
        routes.get(series + "/instances", ErrorResponses.wrap(qido::instances));
        routes.get(study + "/instances", ErrorResponses.wrap(qido::instances));
        routes.get(PREFIX + "/instances", ErrorResponses.wrap(qido::instances));

        // WADO-RS
        routes.get(study, ErrorResponses.wrap(wado::retrieve));
        routes.get(series, ErrorResponses.wrap(wado::retrieve));
        routes.get(instance, ErrorResponses.wrap(wado::retrieve));
        routes.get(study + "/metadata", ErrorResponses.wrap(wado::metadata));
        routes.get(series + "/metadata", ErrorResponses.wrap(wado::metadata));
        routes.get(instance + "/metadata", ErrorResponses.wrap(wado::metadata));
        routes.get(instance + "/frames/{frames}", ErrorResponses.wrap(frames::frames));
        routes.get(instance + "/bulkdata/<path>", ErrorResponses.wrap(bulk::bulkData));
        routes.get(study + "/rendered", ErrorResponses.wrap(rendered::renderedAll));
        routes.get(series + "/rendered", ErrorResponses.wrap(rendered::renderedAll));
        routes.get(instance + "/rendered", ErrorResponses.wrap(rendered::rendered));
        routes.get(instance + "/frames/{frame}/rendered", ErrorResponses.wrap(rendered::rendered));
        routes.get(study + "/thumbnail", ErrorResponses.wrap(rendered::thumbnail));
        routes.get(series + "/thumbnail", ErrorResponses.wrap(rendered::thumbnail));
        routes.get(instance + "/thumbnail", ErrorResponses.wrap(rendered::thumbnail));
        routes.get(instance + "/frames/{frame}/thumbnail", ErrorResponses.wrap(rendered::thumbnail));

        // STOW-RS
        routes.post(studies, ErrorResponses.wrap(stow::store));
        routes.post(study, ErrorResponses.wrap(stow::store));

        // WADO-URI
        routes.get(PREFIX + "/wado", ErrorResponses.wrap(wadoUri::wado));
    }
}
