package org.lumen.server.dicomweb;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.router.JavalinDefaultRoutingApi;

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
        ErrorResponses.install(routes, PREFIX);

        String studies = PREFIX + "/studies";
        String study = studies + "/{study}";
        String series = study + "/series/{series}";
        String instance = series + "/instances/{instance}";

        // QIDO-RS
        routes.get(studies, qido::studies);
        routes.get(study + "/series", qido::series);
        routes.get(PREFIX + "/series", qido::series);
        routes.get(series + "/instances", qido::instances);
        routes.get(study + "/instances", qido::instances);
        routes.get(PREFIX + "/instances", qido::instances);

        // WADO-RS
        routes.get(study, wado::retrieve);
        routes.get(series, wado::retrieve);
        routes.get(instance, wado::retrieve);
        routes.get(study + "/metadata", wado::metadata);
        routes.get(series + "/metadata", wado::metadata);
        routes.get(instance + "/metadata", wado::metadata);
        routes.get(instance + "/frames/{frames}", frames::frames);
        routes.get(instance + "/bulkdata/<path>", bulk::bulkData);
        routes.get(instance + "/rendered", rendered::rendered);
        routes.get(instance + "/frames/{frame}/rendered", rendered::rendered);
        routes.get(study + "/thumbnail", rendered::thumbnail);
        routes.get(series + "/thumbnail", rendered::thumbnail);
        routes.get(instance + "/thumbnail", rendered::thumbnail);
        routes.get(instance + "/frames/{frame}/thumbnail", rendered::thumbnail);

        // STOW-RS
        routes.post(studies, stow::store);
        routes.post(study, stow::store);

        // WADO-URI
        routes.get(PREFIX + "/wado", wadoUri::wado);
    }
}
