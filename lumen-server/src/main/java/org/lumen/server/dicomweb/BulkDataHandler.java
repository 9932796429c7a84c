package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;

/**
 * WADO-RS bulk data (PS3.18 10.4.1.1.5): {@code .../instances/{instance}/bulkdata/{path}}, the targets of the BulkDataURIs
 * that metadata carries. The path is the element's place in the dataset ({@code 7FE00010}, {@code 00540016/0/00181072}).
 * A plain value is one application/octet-stream part; encapsulated pixel data is one part per fragment in its
 * compressed media type (PS3.18 8.7.3.3.2: a client wanting frames asks the frames route).
 */
final class BulkDataHandler {
    private final DicomWebBackend backend;

    BulkDataHandler(DicomWebBackend backend) {
        this.backend = backend;
    }

    void bulkData(Context ctx) throws IOException {
        AcceptHeader accept = AcceptHeader.parse(ctx.header("Accept"));
        boolean multipart = !accept.multipartFor(PixelMediaTypes.OCTET_STREAM, true).isEmpty();
        if (!multipart && accept.firstSingle(List.of(PixelMediaTypes.OCTET_STREAM)) == null) {
            throw DicomWebException.notAcceptable(accept.raw(), "multipart/related; type=\"application/octet-stream\"");
        }
        DicomWebBackend.InstanceLocation instance = WadoHandler.resolve(backend, ctx).get(0);
        String path = ctx.pathParam("path");
        Located located = find(WadoHandler.readMetadata(instance), path);
        Object value = located.value();
        if (value instanceof Fragments fragments) {
            String type = PixelMediaTypes.of(instance.transferSyntaxUid());
            MultipartWriter writer = new MultipartWriter(ctx.outputStream());
            ctx.status(200).contentType(writer.contentType(type));
            // Fragment 0 is the Basic Offset Table, not pixel data.
            for (int k = 1; k < fragments.size(); k++) {
                writer.startPart(type + "; transfer-syntax=" + instance.transferSyntaxUid()).write(fragments.bytes(k));
            }
            writer.finish();
            return;
        }
        value = littleEndian(located, value);
        if (!multipart) {
            ctx.status(200).contentType(PixelMediaTypes.OCTET_STREAM);
            writeValue(value, ctx.outputStream());
            return;
        }
        MultipartWriter writer = new MultipartWriter(ctx.outputStream());
        ctx.status(200).contentType(writer.contentType(PixelMediaTypes.OCTET_STREAM));
        writeValue(value, writer.startPart(PixelMediaTypes.OCTET_STREAM));
        writer.finish();
    }

    private static void writeValue(Object value, OutputStream out) throws IOException {
        if (value instanceof byte[] bytes) {
            out.write(bytes);
        } else if (value instanceof BulkData bulk) {
            try (FileChannel ch = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
                ch.position(bulk.offset());
                InputStream in = Channels.newInputStream(ch);
                long left = bulk.length();
                byte[] buffer = new byte[64 * 1024];
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("Stored file ends inside a bulk data value");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }
        out.flush();
    }

    /** A value found by its path, with the dataset holding it (for its VR and byte order). */
    record Located(Attributes owner, int tag, Object value) {
    }

    /**
     * Bulk data goes out little endian (PS3.18 8.7.3.3.2): a value of a big endian file (retired Explicit VR Big Endian) is
     * read and swapped per its VR's unit. Such files are rare and small; this is the one place a whole value is read.
     */
    private static Object littleEndian(Located located, Object value) {
        boolean bigEndian = value instanceof BulkData bulk ? bulk.bigEndian() : located.owner().bigEndian();
        int width = switch (located.owner().vr(located.tag())) {
            case OW, US, SS -> 2;
            case OF, OL, FL, UL, SL, AT -> 4;
            case OD, OV, FD, SV, UV -> 8;
            default -> 1;
        };
        if (!bigEndian || width == 1) {
            return value;
        }
        byte[] bytes = value instanceof BulkData bulk ? bulk.read() : ((byte[]) value).clone();
        return ByteUtils.swap(bytes, width);
    }

    /** The value at {@code path}: tag, then item index and tag for each sequence level. */
    static Located find(Attributes dataset, String path) {
        String[] steps = path.split("/");
        Attributes current = dataset;
        for (int k = 0; k < steps.length; k += 2) {
            int tag = parseTag(path, steps[k]);
            if (k == steps.length - 1) {
                Object value = current.value(tag);
                if (!(value instanceof byte[] || value instanceof BulkData || value instanceof Fragments)) {
                    throw DicomWebException.notFound("No bulk data value at " + path);
                }
                return new Located(current, tag, value);
            }
            Sequence seq = current.getSequence(tag);
            int item = parseIndex(path, steps[k + 1]);
            if (seq == null || item >= seq.size()) {
                throw DicomWebException.notFound("No item " + item + " of " + Tags.toString(tag) + " for bulk data " + path);
            }
            current = seq.get(item);
        }
        throw DicomWebException.badParameter("path", "Bulk data path " + path + " ends with an item index, not a tag");
    }

    private static int parseTag(String path, String step) {
        if (!step.matches("[0-9A-Fa-f]{8}")) {
            throw DicomWebException.badParameter("path", "Bulk data path " + path + ": '" + step + "' is not a tag of 8 hex "
                    + "digits");
        }
        return (int) Long.parseLong(step, 16);
    }

    private static int parseIndex(String path, String step) {
        if (!step.matches("[0-9]{1,6}")) {
            throw DicomWebException.badParameter("path", "Bulk data path " + path + ": '" + step + "' is not an item index");
        }
        return Integer.parseInt(step);
    }
}
