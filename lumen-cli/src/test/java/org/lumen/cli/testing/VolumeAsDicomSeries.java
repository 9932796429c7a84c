package org.lumen.cli.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.Uids;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/**
 * Writes a volume of whole-number intensities as a single-frame MR series (MR Image Storage, one file per k slice, signed
 * 16-bit), placed in space as the volume is: rows along the i axis, columns along j, slice k at the patient position of
 * voxel (0,0,k). Used to hand real NIfTI cases to the DICOM series paths.
 */
public final class VolumeAsDicomSeries {
    private static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

    private VolumeAsDicomSeries() {
    }

    /** The slice files written into {@code dir}, slice k as {@code slice-K.dcm}. */
    public static List<Path> write(Volume volume, Path dir) throws IOException {
        Files.createDirectories(dir);
        Geometry g = volume.geometry();
        Vec3 rowDirection = g.direction().column(0);
        Vec3 columnDirection = g.direction().column(1);
        String study = Uids.newUid();
        String series = Uids.newUid();
        String frameOfReference = Uids.newUid();
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < volume.nz(); k++) {
            Attributes a = new Attributes();
            a.setString(Tag.SOPClassUID, VR.UI, MR_IMAGE_STORAGE);
            a.setString(Tag.SOPInstanceUID, VR.UI, Uids.newUid());
            a.setString(Tag.StudyInstanceUID, VR.UI, study);
            a.setString(Tag.SeriesInstanceUID, VR.UI, series);
            a.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReference);
            a.setString(Tag.Modality, VR.CS, "MR");
            a.setString(Tag.BodyPartExamined, VR.CS, "HEAD");
            a.setString(Tag.PatientName, VR.PN, "Test^Hippocampus");
            a.setString(Tag.PatientID, VR.LO, "TEST-1");
            a.setString(Tag.StudyID, VR.SH, "1");
            a.setString(Tag.StudyDate, VR.DA, "20260101");
            a.setInt(Tag.SeriesNumber, VR.IS, 1);
            a.setInt(Tag.InstanceNumber, VR.IS, k + 1);
            Vec3 position = g.indexToPatient(0, 0, k);
            a.setDouble(Tag.ImagePositionPatient, VR.DS, position.x(), position.y(), position.z());
            a.setDouble(Tag.ImageOrientationPatient, VR.DS, rowDirection.x(), rowDirection.y(), rowDirection.z(),
                    columnDirection.x(), columnDirection.y(), columnDirection.z());
            a.setDouble(Tag.PixelSpacing, VR.DS, g.spacing().y(), g.spacing().x());
            a.setDouble(Tag.SliceThickness, VR.DS, g.spacing().z());
            a.setInt(Tag.SamplesPerPixel, VR.US, 1);
            a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            a.setInt(Tag.Rows, VR.US, volume.ny());
            a.setInt(Tag.Columns, VR.US, volume.nx());
            a.setInt(Tag.BitsAllocated, VR.US, 16);
            a.setInt(Tag.BitsStored, VR.US, 16);
            a.setInt(Tag.HighBit, VR.US, 15);
            a.setInt(Tag.PixelRepresentation, VR.US, 1);
            a.setBytes(Tag.PixelData, VR.OW, pixels(volume, k));
            Path file = dir.resolve("slice-" + k + ".dcm");
            DicomWriter.write(file, null, a, UID.ExplicitVRLittleEndian);
            files.add(file);
        }
        return files;
    }

    private static byte[] pixels(Volume volume, int k) {
        ByteBuffer out = ByteBuffer.allocate(2 * volume.nx() * volume.ny()).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < volume.ny(); j++) {
            for (int i = 0; i < volume.nx(); i++) {
                float v = volume.get(i, j, k);
                if (v != Math.rint(v) || v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("voxel (" + i + "," + j + "," + k + ") is " + v
                            + ", not a signed 16-bit whole number");
                }
                out.putShort((short) v);
            }
        }
        return out.array();
    }
}
