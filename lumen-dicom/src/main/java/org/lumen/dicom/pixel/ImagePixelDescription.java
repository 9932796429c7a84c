package org.lumen.dicom.pixel;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * What the Image Pixel module (PS3.3 C.7.6.3) and Number of Frames say about a dataset's pixel data, checked for
 * consistency. Enhanced multi-frame objects keep these attributes at the top level too; what varies per frame there
 * (rescale, window) lives in the functional groups and is read by {@link FrameTransforms}.
 *
 * @param rows                 Rows (0028,0010)
 * @param columns              Columns (0028,0011)
 * @param samplesPerPixel      Samples per Pixel (0028,0002): 1 or 3
 * @param bitsAllocated        Bits Allocated (0028,0100): 1, 8, 16 or 32; 32 or 64 for float pixel data
 * @param bitsStored           Bits Stored (0028,0101); equal to Bits Allocated for float pixel data
 * @param highBit              High Bit (0028,0102)
 * @param pixelRepresentation  Pixel Representation (0028,0103): 0 unsigned, 1 two's complement
 * @param planarConfiguration  Planar Configuration (0028,0006): 0 interleaved, 1 one plane per sample (0 when 1 sample)
 * @param photometric          Photometric Interpretation (0028,0004)
 * @param numberOfFrames       Number of Frames (0028,0008), 1 when absent
 * @param pixelDataTag         the element holding the pixel data: (7FE0,0010), (7FE0,0008) or (7FE0,0009)
 */
public record ImagePixelDescription(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        int highBit, int pixelRepresentation, int planarConfiguration, Photometric photometric, int numberOfFrames,
        int pixelDataTag) {

    public ImagePixelDescription {
        validate(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, pixelRepresentation,
                planarConfiguration, photometric, numberOfFrames, pixelDataTag);
    }

    /** Reads and checks the description of {@code dataset}'s pixel data. */
    public static ImagePixelDescription of(Attributes dataset) {
        int pixelDataTag = pixelDataTagOf(dataset);
        boolean floating = pixelDataTag != Tag.PixelData;
        int rows = required(dataset, Tag.Rows, "Rows");
        int columns = required(dataset, Tag.Columns, "Columns");
        int samples = required(dataset, Tag.SamplesPerPixel, "Samples per Pixel");
        int bitsAllocated = required(dataset, Tag.BitsAllocated, "Bits Allocated");
        int bitsStored = floating ? bitsAllocated : required(dataset, Tag.BitsStored, "Bits Stored");
        int highBit = floating ? bitsAllocated - 1 : required(dataset, Tag.HighBit, "High Bit");
        int representation = floating ? 0 : required(dataset, Tag.PixelRepresentation, "Pixel Representation");
        int planar = samples > 1 ? DatasetValues.intValue(dataset, Tag.PlanarConfiguration, VR.US, "Planar Configuration", -1) : 0;
        if (planar < 0) {
            throw new PixelDataException("Planar Configuration (0028,0006) is missing; it is required when Samples per Pixel is "
                    + samples);
        }
        Photometric photometric = Photometric.of(DatasetValues.string(dataset, Tag.PhotometricInterpretation));
        int frames = DatasetValues.intValue(dataset, Tag.NumberOfFrames, VR.IS, "Number of Frames", 1);
        return new ImagePixelDescription(rows, columns, samples, bitsAllocated, bitsStored, highBit, representation, planar,
                photometric, frames, pixelDataTag);
    }

    /** The pixel data element present in {@code dataset}: Pixel Data, Float Pixel Data or Double Float Pixel Data. */
    static int pixelDataTagOf(Attributes dataset) {
        for (int tag : new int[] {Tag.PixelData, Tag.FloatPixelData, Tag.DoubleFloatPixelData}) {
            if (dataset.containsValue(tag)) {
                return tag;
            }
        }
        throw new PixelDataException("The dataset has no pixel data: none of Pixel Data (7FE0,0010), Float Pixel Data "
                + "(7FE0,0008) or Double Float Pixel Data (7FE0,0009) holds a value");
    }

    /** This description with another Photometric Interpretation (same samples per pixel). */
    public ImagePixelDescription withPhotometric(Photometric newPhotometric) {
        return new ImagePixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit,
                pixelRepresentation, planarConfiguration, newPhotometric, numberOfFrames, pixelDataTag);
    }

    /** This description with another Planar Configuration (0 when there is one sample per pixel). */
    public ImagePixelDescription withPlanarConfiguration(int planar) {
        return new ImagePixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit,
                pixelRepresentation, samplesPerPixel > 1 ? planar : 0, photometric, numberOfFrames, pixelDataTag);
    }

    /** This description with other Bits Allocated, Bits Stored and High Bit. */
    public ImagePixelDescription withBits(int allocated, int stored, int high) {
        return new ImagePixelDescription(rows, columns, samplesPerPixel, allocated, stored, high, pixelRepresentation,
                planarConfiguration, photometric, numberOfFrames, pixelDataTag);
    }

    /** True for Float and Double Float Pixel Data. */
    public boolean isFloat() {
        return pixelDataTag != Tag.PixelData;
    }

    public boolean isSigned() {
        return pixelRepresentation == 1;
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    /** Samples a frame holds as stored: two per pixel for YBR_FULL_422 (two luma per chroma pair), else one per sample. */
    public int storedSamplesPerFrame() {
        return photometric == Photometric.YBR_FULL_422 || photometric == Photometric.YBR_PARTIAL_422
                ? pixelsPerFrame() * 2 : pixelsPerFrame() * samplesPerPixel;
    }

    /** Bits one frame occupies in native pixel data. */
    public long frameBits() {
        return (long) storedSamplesPerFrame() * bitsAllocated;
    }

    /** Bytes of one frame standing alone (1-bit frames are rounded up to whole bytes). */
    public int frameLength() {
        return (int) ((frameBits() + 7) / 8);
    }

    /** Bytes all frames occupy in native pixel data (1-bit frames follow each other without padding). */
    public long nativeLength() {
        return (frameBits() * numberOfFrames + 7) / 8;
    }

    /** The NumPy name of the sample type (uint8, int16, float32...), as an independent reader reports it. */
    public String sampleType() {
        if (isFloat()) {
            return bitsAllocated == 32 ? "float32" : "float64";
        }
        int bits = bitsAllocated == 1 ? 8 : bitsAllocated;
        return (isSigned() ? "int" : "uint") + bits;
    }

    @Override
    public String toString() {
        return rows + "x" + columns + "x" + samplesPerPixel + " " + photometric + ", " + bitsStored + "/" + bitsAllocated
                + " bits (high bit " + highBit + ", " + (isFloat() ? "float" : isSigned() ? "signed" : "unsigned") + "), "
                + numberOfFrames + " frame(s)";
    }

    private static int required(Attributes dataset, int tag, String name) {
        int[] values = DatasetValues.ints(dataset, tag, VR.US, name);
        if (values.length == 0) {
            throw new PixelDataException(name + " " + Tags.toString(tag) + " is missing; it is required to read pixel data");
        }
        return values[0];
    }

    private static void validate(int rows, int columns, int samples, int bitsAllocated, int bitsStored, int highBit,
            int representation, int planar, Photometric photometric, int frames, int pixelDataTag) {
        if (rows <= 0 || columns <= 0) {
            throw new PixelDataException("Rows " + rows + " x Columns " + columns + " is not an image size");
        }
        if (samples != 1 && samples != 3) {
            throw new PixelDataException("Samples per Pixel " + samples + " is not supported (only 1 or 3)");
        }
        if (photometric == null) {
            throw new PixelDataException("Photometric Interpretation (0028,0004) is missing");
        }
        if (photometric.samplesPerPixel() != samples) {
            throw new PixelDataException("Photometric Interpretation " + photometric + " needs " + photometric.samplesPerPixel()
                    + " Samples per Pixel, got " + samples);
        }
        if (frames <= 0) {
            throw new PixelDataException("Number of Frames " + frames + " must be 1 or more");
        }
        if (pixelDataTag == Tag.PixelData) {
            if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
                throw new PixelDataException("Bits Allocated " + bitsAllocated + " is not supported (1, 8, 16 or 32)");
            }
        } else {
            int expected = pixelDataTag == Tag.FloatPixelData ? 32 : 64;
            if (bitsAllocated != expected) {
                throw new PixelDataException("Bits Allocated " + bitsAllocated + " does not fit "
                        + (expected == 32 ? "Float Pixel Data (7FE0,0008), which needs 32" : "Double Float Pixel Data (7FE0,0009), which needs 64"));
            }
            if (photometric != Photometric.MONOCHROME2) {
                throw new PixelDataException("Float pixel data must be MONOCHROME2, not " + photometric);
            }
        }
        if (bitsStored < 1) {
            throw new PixelDataException("Bits Stored " + bitsStored + " must be 1 or more");
        }
        if (bitsStored > bitsAllocated) {
            throw new PixelDataException("Bits Stored " + bitsStored + " > Bits Allocated " + bitsAllocated);
        }
        if (highBit >= bitsAllocated) {
            throw new PixelDataException("High Bit " + highBit + " must be below Bits Allocated " + bitsAllocated);
        }
        if (highBit < bitsStored - 1) {
            throw new PixelDataException("High Bit " + highBit + " < Bits Stored " + bitsStored + " - 1");
        }
        if (representation != 0 && representation != 1) {
            throw new PixelDataException("Pixel Representation " + representation + " must be 0 (unsigned) or 1 (signed)");
        }
        if (planar != 0 && planar != 1) {
            throw new PixelDataException("Planar Configuration " + planar + " must be 0 (interleaved) or 1 (planar)");
        }
        if (bitsAllocated == 1 && samples != 1) {
            throw new PixelDataException("Bits Allocated 1 needs Samples per Pixel 1, got " + samples);
        }
        boolean subsampled = photometric == Photometric.YBR_FULL_422 || photometric == Photometric.YBR_PARTIAL_422;
        if (subsampled && (columns % 2 != 0 || planar != 0)) {
            throw new PixelDataException(photometric + " needs an even number of Columns (got " + columns
                    + ") and Planar Configuration 0 (got " + planar + ")");
        }
        if ((long) rows * columns * samples * Math.max(1, bitsAllocated / 8) > Integer.MAX_VALUE - 8) {
            throw new PixelDataException("A frame of " + rows + " x " + columns + " x " + samples + " samples of "
                    + bitsAllocated + " bits is too large for one array");
        }
    }
}
