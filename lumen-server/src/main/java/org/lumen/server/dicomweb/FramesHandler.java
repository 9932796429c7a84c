package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.transcode.Transcoder;

/**
 * WADO-RS frames (PS3.18 10.4.1.1.4): {@code .../instances/{instance}/frames/1,2,3}, one part per frame in the order
 * asked. Negotiated per Accept range, best first: {@code application/octet-stream} without transfer-syntax (or with
 * Explicit VR Little Endian) is the frame decoded to native little endian; {@code transfer-syntax=*} or the stored
 * syntax is the frame as stored, compressed bytes untouched; a compressed media type (image/jls, image/jpeg, image/jp2,
 * image/dicom-rle...) is the stored frame when the instance is stored in a syntax of that type.
 */
final class FramesHandler {
    private final DicomWebBackend backend;

    FramesHandler(DicomWebBackend backend) {
        this.backend = backend;
    }

    /** How the frames go out: decoded native, or as stored with this part media type. */
    private record FrameForm(boolean decode, String partType, String multipartType) {
    }

    void frames(Context ctx) throws IOException {
        AcceptHeader accept = AcceptHeader.parse(ctx.header("Accept"));
        List<Integer> numbers = parseFrameList(ctx.pathParam("frames"));
        DicomWebBackend.InstanceLocation instance = WadoHandler.resolve(backend, ctx).get(0);
        DicomFile file = DicomReader.read(instance.path(), ReadOptions.DEFAULT);
        String stored = Transcoder.sourceSyntax(file).uid();
        PixelData pixels = pixels(file, stored);
        for (int n : numbers) {
            if (n > pixels.frameCount()) {
                throw DicomWebException.notFound("Frame " + n + " does not exist; instance " + instance.sopInstanceUid()
                        + " has " + pixels.frameCount() + " frame(s), numbered from 1");
            }
        }
        FrameForm form = negotiate(accept, stored);
        MultipartWriter writer = new MultipartWriter(ctx.outputStream());
        ctx.status(200).contentType(writer.contentType(form.multipartType()));
        String partType = form.decode()
                ? PixelMediaTypes.OCTET_STREAM + "; transfer-syntax=" + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : form.partType() + "; transfer-syntax=" + stored;
        for (int n : numbers) {
            byte[] bytes = form.decode() || !(pixels.frameSource() instanceof EncapsulatedFrameSource enc)
                    ? pixels.frameBytes(n - 1)
                    : enc.locator().encodedFrame(n - 1);
            writer.startPart(partType).write(bytes);
        }
        writer.finish();
    }

    static PixelData pixels(DicomFile file, String stored) {
        try {
            return PixelData.of(file.dataset(), stored);
        } catch (PixelDataException e) {
            throw new DicomWebException(DicomWebError.NOT_FOUND, null, "The instance has no usable pixel data: "
                    + e.getMessage(), e);
        }
    }

    private static FrameForm negotiate(AcceptHeader accept, String stored) {
        String storedType = PixelMediaTypes.of(stored);
        boolean compressed = TransferSyntax.of(stored).encapsulated();
        for (MediaType m : accept.ranges()) {
            String type;
            String ts;
            if (m.isMultipartRelated()) {
                type = m.parameter("type") == null ? PixelMediaTypes.OCTET_STREAM : MediaType.parse(m.parameter("type")).essence();
                ts = m.parameter("transfer-syntax");
            } else if (m.essence().equals("*/*") || m.essence().equals("multipart/*")) {
                type = PixelMediaTypes.OCTET_STREAM;
                ts = null;
            } else {
                continue;
            }
            if (type.equals(PixelMediaTypes.OCTET_STREAM) || type.equals("*/*")) {
                if (ts == null || ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                    return new FrameForm(true, PixelMediaTypes.OCTET_STREAM, PixelMediaTypes.OCTET_STREAM);
                }
                if (ts.equals(SyntaxChoice.AS_STORED) || ts.equals(stored)) {
                    return new FrameForm(!compressed, compressed ? storedType : PixelMediaTypes.OCTET_STREAM,
                            PixelMediaTypes.OCTET_STREAM);
                }
                continue;
            }
            if (compressed && type.equals(storedType) && (ts == null || ts.equals(stored) || ts.equals(SyntaxChoice.AS_STORED))) {
                return new FrameForm(false, storedType, storedType);
            }
        }
        throw DicomWebException.notAcceptable(accept.raw(), "multipart/related; type=\"application/octet-stream\" (decoded, "
                + "or transfer-syntax=* as stored)" + (compressed ? " or type=\"" + storedType + "\" (stored " + stored + ")" : ""));
    }

    /** "1,2,3" to frame numbers (1-based); 400 naming "frames" for anything else. */
    static List<Integer> parseFrameList(String text) {
        List<Integer> out = new ArrayList<>();
        for (String s : text.split(",")) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw DicomWebException.badParameter("frames", "Frame list '" + text + "' must be frame numbers from 1, "
                        + "separated by commas");
            }
        }
        return out;
    }
}
