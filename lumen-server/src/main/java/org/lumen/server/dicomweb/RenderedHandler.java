package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WADO-RS rendered resources (PS3.18 10.4.1.1.3) of an instance or one frame, with {@code window}, {@code quality} and
 * {@code viewport}; and thumbnails (10.4.1.1.6) of a study, series, instance or frame: the middle image instance, fitted
 * into the configured size.
 */
final class RenderedHandler {
    private static final Set<String> RENDERED_PARAMS = Set.of("window", "quality", "viewport", "accept", "annotation",
            "charset", "iccprofile");

    private final DicomWebBackend backend;
    private final DicomWebConfig config;

    RenderedHandler(DicomWebBackend backend, DicomWebConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /** GET .../instances/{instance}/rendered and .../frames/{frame}/rendered */
    void rendered(Context ctx) throws IOException {
        checkParams(ctx);
        String type = Rendering.chooseType(AcceptHeader.parse(ctx.header("Accept")));
        Rendering.Params params = params(ctx);
        DicomWebBackend.InstanceLocation instance = WadoHandler.resolve(backend, ctx).get(0);
        BufferedImage image = Rendering.render(instance, frameIndex(ctx), params);
        ctx.status(200).contentType(type);
        Rendering.write(image, type, params.quality(), ctx.outputStream());
    }

    /**
     * GET /studies/{study}/rendered and .../series/{series}/rendered: every frame of every instance with pixel data, one
     * rendered image per part, in series and instance order; instances without pixels (SR...) are left out.
     */
    void renderedAll(Context ctx) throws IOException {
        checkParams(ctx);
        AcceptHeader accept = AcceptHeader.parse(ctx.header("Accept"));
        String type = null;
        for (MediaType m : accept.ranges()) {
            String part = m.isMultipartRelated() ? m.parameter("type") : m.essence().equals("*/*") ? Rendering.JPEG : null;
            if (part != null && (part.equals(Rendering.JPEG) || part.equals(Rendering.PNG))) {
                type = part;
                break;
            }
        }
        if (type == null) {
            throw DicomWebException.notAcceptable(accept.raw(), "multipart/related; type=\"image/jpeg\" or type=\"image/png\"");
        }
        Rendering.Params params = params(ctx);
        List<DicomWebBackend.InstanceLocation> instances = WadoHandler.resolve(backend, ctx);
        MultipartWriter writer = new MultipartWriter(ctx.outputStream());
        ctx.status(200).contentType(writer.contentType(type));
        for (DicomWebBackend.InstanceLocation instance : instances) {
            for (int frame = 0; ; frame++) {
                BufferedImage image;
                try {
                    image = Rendering.render(instance, frame, params);
                } catch (DicomWebException e) {
                    break; // past the last frame, or no pixel data
                }
                Rendering.write(image, type, params.quality(), writer.startPart(type));
            }
        }
        writer.finish();
    }

    private static void checkParams(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!RENDERED_PARAMS.contains(name)) {
                throw DicomWebException.badParameter(name, "Unknown parameter " + name + " for a rendered resource (window, "
                        + "quality, viewport)");
            }
        }
    }

    private static Rendering.Params params(Context ctx) {
        return new Rendering.Params(Rendering.parseWindow(ctx.queryParam("window"), "window"),
                Rendering.parseViewport(ctx.queryParam("viewport")), Rendering.parseQuality(ctx.queryParam("quality"), "quality"));
    }

    /** GET .../thumbnail at any level. */
    void thumbnail(Context ctx) throws IOException {
        String type = Rendering.chooseType(AcceptHeader.parse(ctx.header("Accept")));
        List<DicomWebBackend.InstanceLocation> instances = WadoHandler.resolve(backend, ctx);
        Optional<Rendering.Viewport> viewport = Optional.ofNullable(Rendering.parseViewport(ctx.queryParam("viewport")));
        Rendering.Params params = new Rendering.Params(Optional.empty(), viewport.orElse(null), 80);
        BufferedImage image = null;
        DicomWebException last = null;
        // The middle instance first, then outwards: a series may hold instances without pixels (SR, presentation states).
        for (int k = 0; k < 2 * instances.size() && image == null; k++) {
            int index = instances.size() / 2 + (k % 2 == 0 ? k / 2 : -(k + 1) / 2);
            if (index < 0 || index >= instances.size()) {
                continue;
            }
            try {
                image = Rendering.render(instances.get(index), frameIndex(ctx), params);
            } catch (DicomWebException e) {
                last = e;
            }
        }
        if (image == null) {
            throw last;
        }
        if (viewport.isEmpty()) {
            image = Rendering.shrink(image, config.thumbnailSize());
        }
        ctx.status(200).contentType(type);
        Rendering.write(image, type, 80, ctx.outputStream());
    }

    private static int frameIndex(Context ctx) {
        if (!ctx.pathParamMap().containsKey("frame")) {
            return 0;
        }
        List<Integer> frames = FramesHandler.parseFrameList(ctx.pathParam("frame"));
        if (frames.size() != 1) {
            throw DicomWebException.badParameter("frames", "A rendered frame is one frame number, got '"
                    + ctx.pathParam("frame") + "'");
        }
        return frames.get(0) - 1;
    }
}
