package org.lumen.server.dicomweb;

import io.javalin.http.Context;

/** The URL prefix of the DICOMweb routes as the client sees them, for RetrieveURL and BulkDataURI values. */
final class BaseUrl {
    private BaseUrl() {
    }

    static String of(Context ctx, DicomWebConfig config) {
        if (config.publicBaseUrl() != null) {
            return config.publicBaseUrl() + DicomWebRoutes.PREFIX;
        }
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        return ctx.scheme() + "://" + host + DicomWebRoutes.PREFIX;
    }

    static String study(String base, String study) {
        return base + "/studies/" + study;
    }

    static String series(String base, String study, String series) {
        return study(base, study) + "/series/" + series;
    }

    static String instance(String base, String study, String series, String sop) {
        return series(base, study, series) + "/instances/" + sop;
    }
}
