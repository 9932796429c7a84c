package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.Window;

/**
 * WADO-URI (PS3.18 9): {@code GET /wado?requestType=WADO&studyUID=..&seriesUID=..&objectUID=..} with
 * {@code contentType} application/dicom (the instance, in {@code transferSyntax} or Explicit VR Little Endian) or
 * image/jpeg (the default) / image/png (a rendered frame: {@code frameNumber}, {@code windowCenter}/{@code windowWidth},
 * {@code rows}/{@code columns}, {@code imageQuality}).
 */
final class WadoUriHandler {
    private final DicomWebBackend backend;

    WadoUriHandler(DicomWebBackend backend) {
        this.backend = backend;
    }

    void wado(Context ctx) throws IOException {
        if (!"WADO".equals(ctx.queryParam("requestType"))) {
            throw DicomWebException.badParameter("requestType", "requestType must be WADO");
        }
        String study = Uids.check("studyUID", ctx.queryParam("studyUID"));
        String series = Uids.check("seriesUID", ctx.queryParam("seriesUID"));
        String sop = Uids.check("objectUID", ctx.queryParam("objectUID"));
        String contentType = firstContentType(ctx.queryParam("contentType"));
        DicomWebBackend.InstanceLocation instance = backend.locate(study, series, sop).stream().findFirst()
                .orElseThrow(() -> DicomWebException.notFound("No instance " + sop + " in series " + series + " of study "
                        + study));
        if (contentType.equals(WadoHandler.DICOM)) {
            String ts = ctx.queryParam("transferSyntax");
            String syntax = ts == null || ts.isBlank() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : ts.trim();
            if (!syntax.equals(instance.transferSyntaxUid()) && !SyntaxChoice.canWrite(syntax)) {
                throw DicomWebException.badParameter("transferSyntax", "Cannot write transfer syntax " + syntax);
            }
            ctx.status(200).contentType(WadoHandler.DICOM);
            ctx.header("Content-Disposition", "attachment; filename=\"" + sop + ".dcm\"");
            InstanceWriter.write(instance, syntax, ctx.outputStream());
            return;
        }
        int frame = positive(ctx.queryParam("frameNumber"), "frameNumber", 1) - 1;
        Optional<Window> window = Optional.empty();
        String wc = ctx.queryParam("windowCenter");
        String ww = ctx.queryParam("windowWidth");
        if (wc != null || ww != null) {
            if (wc == null || ww == null) {
                throw DicomWebException.badParameter(wc == null ? "windowCenter" : "windowWidth",
                        "windowCenter and windowWidth go together");
            }
            window = Rendering.parseWindow(wc + "," + ww, "windowCenter");
        }
        int quality = Rendering.parseQuality(ctx.queryParam("imageQuality"), "imageQuality");
        BufferedImage image = Rendering.render(instance, frame, new Rendering.Params(window, null, quality));
        String rows = ctx.queryParam("rows");
        String columns = ctx.queryParam("columns");
        if (rows != null || columns != null) {
            int h = positive(rows, "rows", 0);
            int w = positive(columns, "columns", 0);
            double aspect = image.getWidth() / (double) image.getHeight();
            if (h == 0) {
                h = Math.max(1, (int) Math.round(w / aspect));
            }
            if (w == 0) {
                w = Math.max(1, (int) Math.round(h * aspect));
            }
            image = Rendering.fit(image, new Rendering.Viewport(w, h, null, null, null, null));
        }
        ctx.status(200).contentType(contentType);
        Rendering.write(image, contentType, quality, ctx.outputStream());
    }

    /** contentType may list several, best first; the first one we produce wins. */
    private static String firstContentType(String param) {
        if (param == null || param.isBlank()) {
            return Rendering.JPEG;
        }
        for (String t : param.split(",")) {
            String essence = MediaType.parse(t.trim()).essence();
            if (essence.equals(WadoHandler.DICOM) || essence.equals(Rendering.JPEG) || essence.equals(Rendering.PNG)) {
                return essence;
            }
        }
        throw DicomWebException.badParameter("contentType", "contentType must be application/dicom, image/jpeg or "
                + "image/png, got '" + param + "'");
    }

    private static int positive(String text, String name, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 1 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw DicomWebException.badParameter(name, name + " must be a positive integer, got '" + text + "'");
        }
    }
}
