package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.dicom.xml.NativeXmlWriter;

/**
 * QIDO-RS (PS3.18 10.6): {@code GET /studies}, {@code /series}, {@code /instances} and their study- and series-scoped
 * forms. The query becomes a C-FIND identifier answered by the archive's find, so matching is exactly C-FIND's. Answers
 * a JSON array (PS3.18 F) or a multipart/related of Native DICOM Model XML documents; 204 when nothing matches; 400
 * naming the parameter at fault.
 */
final class QidoHandler {
    static final String JSON = "application/dicom+json";
    static final String XML = "application/dicom+xml";

    private final DicomWebBackend backend;
    private final DicomWebConfig config;

    QidoHandler(DicomWebBackend backend, DicomWebConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /** GET /studies */
    void studies(Context ctx) throws IOException {
        search(ctx, QidoLevel.STUDY, Map.of());
    }

    /** GET /series and /studies/{study}/series */
    void series(Context ctx) throws IOException {
        search(ctx, QidoLevel.SERIES, pathKeys(ctx));
    }

    /** GET /instances, /studies/{study}/instances and /studies/{study}/series/{series}/instances */
    void instances(Context ctx) throws IOException {
        search(ctx, QidoLevel.INSTANCE, pathKeys(ctx));
    }

    private static Map<Integer, String> pathKeys(Context ctx) {
        Map<Integer, String> keys = new LinkedHashMap<>();
        Map<String, String> params = ctx.pathParamMap();
        if (params.containsKey("study")) {
            keys.put(Tag.StudyInstanceUID, Uids.check("study", params.get("study")));
        }
        if (params.containsKey("series")) {
            keys.put(Tag.SeriesInstanceUID, Uids.check("series", params.get("series")));
        }
        return keys;
    }

    private void search(Context ctx, QidoLevel level, Map<Integer, String> pathKeys) throws IOException {
        AcceptHeader accept = AcceptHeader.parse(ctx.header("Accept"));
        boolean xml = chooseXml(accept);
        QidoQuery query = QidoQuery.parse(level, ctx.queryParamMap(), pathKeys, config.defaultLimit(), config.maxLimit());
        String base = BaseUrl.of(ctx, config);
        try (Stream<Attributes> results = backend.search(query)) {
            Iterator<Attributes> it = results.iterator();
            if (!it.hasNext()) {
                ctx.status(204);
                return;
            }
            if (query.capped()) {
                ctx.header("Warning", "299 lumen \"The number of results was limited to " + config.maxLimit() + "\"");
            }
            if (xml) {
                writeXml(ctx, it, base);
            } else {
                writeJson(ctx, it, base);
            }
        }
    }

    private static boolean chooseXml(AcceptHeader accept) {
        for (MediaType m : accept.ranges()) {
            if (m.isMultipartRelated()) {
                String type = m.parameter("type");
                if (type == null || MediaType.parse(type).covers(XML)) {
                    return true;
                }
                continue;
            }
            if (m.covers(JSON) || m.essence().equals("application/json")) {
                return false;
            }
            if (m.essence().equals(XML)) {
                return true;
            }
        }
        throw DicomWebException.notAcceptable(accept.raw(), JSON + " or multipart/related; type=\"" + XML + "\"");
    }

    private void writeJson(Context ctx, Iterator<Attributes> it, String base) throws IOException {
        ctx.status(200).contentType(JSON);
        DicomJsonWriter writer = new DicomJsonWriter();
        OutputStream out = ctx.outputStream();
        out.write('[');
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            writer.write(withRetrieveUrl(it.next(), base), out);
        }
        out.write(']');
        out.flush();
    }

    private void writeXml(Context ctx, Iterator<Attributes> it, String base) throws IOException {
        MultipartWriter multipart = new MultipartWriter(ctx.outputStream());
        ctx.status(200).contentType(multipart.contentType(XML));
        NativeXmlWriter writer = new NativeXmlWriter();
        while (it.hasNext()) {
            writer.write(withRetrieveUrl(it.next(), base), multipart.startPart(XML + "; charset=utf-8"));
        }
        multipart.finish();
    }

    /** RetrieveURL (0008,1190) of the result, the WADO-RS URL of the study, series or instance it describes. */
    static Attributes withRetrieveUrl(Attributes result, String base) {
        String study = result.getString(Tag.StudyInstanceUID);
        String series = result.getString(Tag.SeriesInstanceUID);
        String sop = result.getString(Tag.SOPInstanceUID);
        String url = null;
        if (study != null && series != null && sop != null) {
            url = BaseUrl.instance(base, study, series, sop);
        } else if (study != null && series != null) {
            url = BaseUrl.series(base, study, series);
        } else if (study != null) {
            url = BaseUrl.study(base, study);
        }
        if (url != null) {
            result.setString(Tag.RetrieveURL, VR.UR, url);
        }
        return result;
    }

}
