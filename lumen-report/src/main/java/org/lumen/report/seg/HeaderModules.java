package org.lumen.report.seg;

import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.data.Uids;

/**
 * The SEG modules that are not about frames or segments (PS3.3 A.51): Patient, General Study and Patient Study taken over
 * from the source, a new Segmentation Series, Frame of Reference, General and Enhanced General Equipment, General Image,
 * Image Pixel and Segmentation Image attributes of a BINARY SEG, and SOP Common.
 */
final class HeaderModules {
    /** The SEG's own text may hold any character a user gives a label; UTF-8 also holds any copied name. */
    static final String UTF_8 = "ISO_IR 192";
    static final String MANUFACTURER = "Lumen";

    /** An attribute copied from the source, with whether DICOM wants it present (empty) even when the source lacks it. */
    private record Copied(int tag, VR vr, boolean type2) {
    }

    private static final List<Copied> PATIENT_AND_STUDY = List.of(
            new Copied(Tag.PatientName, VR.PN, true),
            new Copied(Tag.PatientID, VR.LO, true),
            new Copied(Tag.IssuerOfPatientID, VR.LO, false),
            new Copied(Tag.PatientBirthDate, VR.DA, true),
            new Copied(Tag.PatientSex, VR.CS, true),
            new Copied(Tag.PatientAge, VR.AS, false),
            new Copied(Tag.PatientSize, VR.DS, false),
            new Copied(Tag.PatientWeight, VR.DS, false),
            new Copied(Tag.StudyInstanceUID, VR.UI, true),
            new Copied(Tag.StudyDate, VR.DA, true),
            new Copied(Tag.StudyTime, VR.TM, true),
            new Copied(Tag.ReferringPhysicianName, VR.PN, true),
            new Copied(Tag.StudyID, VR.SH, true),
            new Copied(Tag.AccessionNumber, VR.SH, true),
            new Copied(Tag.StudyDescription, VR.LO, false));

    private HeaderModules() {
    }

    /** Everything but the segments, the functional groups and the pixels. */
    static void write(Attributes seg, SourceSeries source, SegmentationOptions options, int rows, int columns) {
        seg.setString(Tag.SpecificCharacterSet, VR.CS, UTF_8);
        copyPatientAndStudy(source.firstDataset(), seg);
        writeSeries(seg, options);
        writeFrameOfReference(source.firstDataset(), seg);
        writeEquipment(seg, options);
        writeImage(seg, options, rows, columns);
        writeSopCommon(seg, options);
    }

    private static void copyPatientAndStudy(Attributes source, Attributes seg) {
        for (Copied copied : PATIENT_AND_STUDY) {
            String[] values = source.getStrings(copied.tag());
            if (values.length > 0) {
                seg.setString(copied.tag(), copied.vr(), values);
            } else if (copied.type2()) {
                seg.setNull(copied.tag(), copied.vr());
            }
        }
        if (!seg.containsValue(Tag.StudyInstanceUID)) {
            throw new IllegalArgumentException("the source slices have no Study Instance UID (0020,000D); a SEG belongs to"
                    + " the study of the images it segments");
        }
    }

    private static void writeSeries(Attributes seg, SegmentationOptions options) {
        seg.setString(Tag.Modality, VR.CS, "SEG");
        seg.setString(Tag.SeriesInstanceUID, VR.UI, Uids.newUid());
        seg.setInt(Tag.SeriesNumber, VR.IS, options.seriesNumber());
        seg.setDate(Tag.SeriesDate, options.created().toLocalDate());
        seg.setTime(Tag.SeriesTime, options.created().toLocalTime());
        if (options.seriesDescription() != null && !options.seriesDescription().isBlank()) {
            seg.setString(Tag.SeriesDescription, VR.LO, options.seriesDescription().strip());
        }
    }

    private static void writeFrameOfReference(Attributes source, Attributes seg) {
        String frameOfReference = source.getString(Tag.FrameOfReferenceUID);
        if (frameOfReference == null) {
            return; // the module is required only for images that have one
        }
        seg.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReference);
        String[] indicator = source.getStrings(Tag.PositionReferenceIndicator);
        if (indicator.length > 0) {
            seg.setString(Tag.PositionReferenceIndicator, VR.LO, indicator);
        } else {
            seg.setNull(Tag.PositionReferenceIndicator, VR.LO);
        }
    }

    private static void writeEquipment(Attributes seg, SegmentationOptions options) {
        seg.setString(Tag.Manufacturer, VR.LO, MANUFACTURER);
        seg.setString(Tag.ManufacturerModelName, VR.LO, options.modelName());
        seg.setString(Tag.DeviceSerialNumber, VR.LO, options.deviceSerialNumber());
        seg.setString(Tag.SoftwareVersions, VR.LO, options.softwareVersion());
    }

    private static void writeImage(Attributes seg, SegmentationOptions options, int rows, int columns) {
        seg.setString(Tag.ImageType, VR.CS, "DERIVED", "PRIMARY");
        seg.setInt(Tag.InstanceNumber, VR.IS, 1);
        seg.setDate(Tag.ContentDate, options.created().toLocalDate());
        seg.setTime(Tag.ContentTime, options.created().toLocalTime());
        seg.setInt(Tag.SamplesPerPixel, VR.US, 1);
        seg.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        seg.setInt(Tag.Rows, VR.US, rows);
        seg.setInt(Tag.Columns, VR.US, columns);
        seg.setInt(Tag.BitsAllocated, VR.US, 1);
        seg.setInt(Tag.BitsStored, VR.US, 1);
        seg.setInt(Tag.HighBit, VR.US, 0);
        seg.setInt(Tag.PixelRepresentation, VR.US, 0);
        seg.setString(Tag.LossyImageCompression, VR.CS, "00");
        seg.setString(Tag.SegmentationType, VR.CS, "BINARY");
        seg.setString(Tag.SegmentsOverlap, VR.CS, "NO"); // one label per voxel: a label map cannot overlap
        seg.setString(Tag.ContentLabel, VR.CS, options.contentLabel());
        setOrEmpty(seg, Tag.ContentDescription, VR.LO, options.contentDescription());
        setOrEmpty(seg, Tag.ContentCreatorName, VR.PN, options.contentCreatorName());
    }

    private static void writeSopCommon(Attributes seg, SegmentationOptions options) {
        seg.setString(Tag.SOPClassUID, VR.UI, UID.SegmentationStorage);
        seg.setString(Tag.SOPInstanceUID, VR.UI, Uids.newUid());
        seg.setDate(Tag.InstanceCreationDate, options.created().toLocalDate());
        seg.setTime(Tag.InstanceCreationTime, options.created().toLocalTime());
    }

    private static void setOrEmpty(Attributes seg, int tag, VR vr, String value) {
        if (value == null || value.isBlank()) {
            seg.setNull(tag, vr);
        } else {
            seg.setString(tag, vr, value.strip());
        }
    }
}
