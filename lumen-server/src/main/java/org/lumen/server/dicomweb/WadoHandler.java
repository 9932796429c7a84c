package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.dicom.model.BulkDataPolicy;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.xml.NativeXmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WADO-RS retrieval of studies, series and instances as multipart/related application/dicom with transfer-syntax
 * negotiation (PS3.18 10.4), and of their metadata as DICOM JSON or Native XML with bulk data behind BulkDataURIs that
 * point at {@link BulkDataHandler}'s route.
 */
final class WadoHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WadoHandler.class);
    static final String DICOM = "application/dicom";

    private final DicomWebBackend backend;
    private final DicomWebConfig config;

    WadoHandler(DicomWebBackend backend, DicomWebConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /** The stored instances a WADO-RS path names; 404 when there are none. */
    static List<DicomWebBackend.InstanceLocation> resolve(DicomWebBackend backend, Context ctx) {
        String study = Uids.check("study", ctx.pathParam("study"));
        String series = ctx.pathParamMap().containsKey("series") ? Uids.check("series", ctx.pathParam("series")) : null;
        String sop = ctx.pathParamMap().containsKey("instance") ? Uids.check("instance", ctx.pathParam("instance")) : null;
        List<DicomWebBackend.InstanceLocation> found = backend.locate(study, series, sop);
        if (found.isEmpty()) {
            throw DicomWebException.notFound(sop != null ? "No instance " + sop + " in series " + series + " of study " + study
                    : series != null ? "No series " + series + " in study " + study : "No study " + study);
        }
        return found;
    }

    /** GET /studies/{study}[/series/{series}[/instances/{instance}]] */
    void retrieve(Context ctx) throws IOException {
        AcceptHeader accept = AcceptHeader.parse(ctx.header("Accept"));
        List<MediaType> ranges = accept.multipartFor(DICOM, true);
        boolean single = false;
        if (ranges.isEmpty() && ctx.pathParamMap().containsKey("instance") && accept.firstSingle(List.of(DICOM)) != null) {
            // A single instance may be asked for as a bare application/dicom body.
            single = true;
            ranges = accept.ranges().stream().filter(m -> m.covers(DICOM)).toList();
        }
        if (ranges.isEmpty()) {
            throw DicomWebException.notAcceptable(accept.raw(), "multipart/related; type=\"application/dicom\"");
        }
        SyntaxChoice choice = SyntaxChoice.of(ranges);
        if (!choice.anyWritable()) {
            throw DicomWebException.notAcceptable(accept.raw(), "application/dicom in a transfer syntax this server "
                    + "writes, or transfer-syntax=*");
        }
        List<DicomWebBackend.InstanceLocation> instances = resolve(backend, ctx);
        if (single) {
            DicomWebBackend.InstanceLocation instance = instances.get(0);
            String syntax = syntaxFor(choice, instance, accept);
            ctx.status(200).contentType(DICOM + "; transfer-syntax=" + syntax);
            InstanceWriter.write(instance, syntax, ctx.outputStream());
            return;
        }
        // Check every instance can be sent before the 200 goes out: a 406 later is impossible.
        List<String> syntaxes = instances.stream().map(i -> syntaxFor(choice, i, accept)).toList();
        MultipartWriter multipart = new MultipartWriter(ctx.outputStream());
        ctx.status(200).contentType(multipart.contentType(DICOM));
        String base = BaseUrl.of(ctx, config);
        for (int k = 0; k < instances.size(); k++) {
            DicomWebBackend.InstanceLocation i = instances.get(k);
            OutputStream part = multipart.startPart(DICOM + "; transfer-syntax=" + syntaxes.get(k),
                    BaseUrl.instance(base, i.studyUid(), i.seriesUid(), i.sopInstanceUid()));
            try {
                InstanceWriter.write(i, syntaxes.get(k), part);
            } catch (RuntimeException e) {
                // Mid-stream: the status is sent; cut the response so the client sees a broken body, not a short one.
                LOG.error("WADO-RS: instance {} could not be written in {}", i.sopInstanceUid(), syntaxes.get(k), e);
                throw e;
            }
        }
        multipart.finish();
    }

    private static String syntaxFor(SyntaxChoice choice, DicomWebBackend.InstanceLocation i, AcceptHeader accept) {
        String syntax = choice.forStored(i.transferSyntaxUid());
        if (syntax == null) {
            throw DicomWebException.notAcceptable(accept.raw(), "instance " + i.sopInstanceUid() + " in its stored syntax "
                    + i.transferSyntaxUid() + " or a syntax this server writes");
        }
        return syntax;
    }

    /** GET .../metadata at study, series or instance level. */
    void metadata(Context ctx) throws IOException {
        AcceptHeader accept = AcceptHeader.parse(ctx.header("Accept"));
        boolean xml = !accept.multipartFor(QidoHandler.XML, false).isEmpty()
                && accept.firstSingle(List.of(QidoHandler.JSON, "application/json")) == null;
        if (!xml && accept.firstSingle(List.of(QidoHandler.JSON, "application/json")) == null) {
            throw DicomWebException.notAcceptable(accept.raw(), QidoHandler.JSON + " or multipart/related; type=\""
                    + QidoHandler.XML + "\"");
        }
        List<DicomWebBackend.InstanceLocation> instances = resolve(backend, ctx);
        String base = BaseUrl.of(ctx, config);
        if (xml) {
            MultipartWriter multipart = new MultipartWriter(ctx.outputStream());
            ctx.status(200).contentType(multipart.contentType(QidoHandler.XML));
            for (DicomWebBackend.InstanceLocation i : instances) {
                NativeXmlWriter writer = new NativeXmlWriter(metadataOptions(base, i));
                writer.write(readMetadata(i), multipart.startPart(QidoHandler.XML + "; charset=utf-8"));
            }
            multipart.finish();
            return;
        }
        ctx.status(200).contentType(QidoHandler.JSON);
        OutputStream out = ctx.outputStream();
        out.write('[');
        for (int k = 0; k < instances.size(); k++) {
            if (k > 0) {
                out.write(',');
            }
            DicomWebBackend.InstanceLocation i = instances.get(k);
            new DicomJsonWriter(metadataOptions(base, i)).write(readMetadata(i), out);
        }
        out.write(']');
        out.flush();
    }

    /** The dataset of a stored file with bulk values left in the file (they become BulkDataURIs, never read here). */
    static Attributes readMetadata(DicomWebBackend.InstanceLocation i) throws IOException {
        return DicomReader.read(i.path(), ReadOptions.DEFAULT).dataset();
    }

    ModelWriteOptions metadataOptions(String base, DicomWebBackend.InstanceLocation i) {
        String instanceUrl = BaseUrl.instance(base, i.studyUid(), i.seriesUid(), i.sopInstanceUid());
        return ModelWriteOptions.DEFAULT.withBulkData(BulkDataPolicy.URI, config.bulkDataThreshold())
                .withBulkDataUris((path, vr, value) -> bulkDataUri(instanceUrl, path, vr));
    }

    static String bulkDataUri(String instanceUrl, String elementPath, VR vr) {
        return instanceUrl + "/bulkdata/" + elementPath;
    }
}
