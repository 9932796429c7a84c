package org.lumen.report.seg;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.image.Vec3;
import org.lumen.image.series.SliceHeader;
import org.lumen.report.Code;
import org.lumen.dicom.data.Uids;

/**
 * The SEG modules about frames (PS3.3 C.7.6.16, C.7.6.17, C.8.20.3): Shared Functional Groups (Pixel Measures, Plane
 * Orientation), Per-frame Functional Groups (Derivation Image, Frame Content, Plane Position, Segment Identification), the
 * Multi-frame Dimension module (segment, then position) and the Common Instance Reference module.
 */
final class FrameModules {
    /** (113076, DCM, "Segmentation"), the CID 7203 derivation of a SEG from its source. */
    static final Code SEGMENTATION_DERIVATION = Code.dcm("113076", "Segmentation");
    /** (121322, DCM, "Source image for image processing operation"), CID 7202. */
    static final Code SOURCE_IMAGE_PURPOSE = Code.dcm("121322", "Source image for image processing operation");

    private FrameModules() {
    }

    static void write(Attributes seg, SourceSeries source, LabelFrames frames) {
        seg.setInt(Tag.NumberOfFrames, VR.IS, frames.frames().size());
        writeDimensions(seg);
        writeShared(seg, source);
        writePerFrame(seg, source, frames);
        writeReferencedSeries(seg, source);
    }

    /** Two dimensions: which segment (Referenced Segment Number), then where (Image Position (Patient)). */
    private static void writeDimensions(Attributes seg) {
        String organization = Uids.newUid();
        seg.newSequence(Tag.DimensionOrganizationSequence, 1).addItem()
                .setString(Tag.DimensionOrganizationUID, VR.UI, organization);
        Sequence index = seg.newSequence(Tag.DimensionIndexSequence, 2);
        addDimension(index, organization, Tag.ReferencedSegmentNumber, Tag.SegmentIdentificationSequence,
                "Segment Number");
        addDimension(index, organization, Tag.ImagePositionPatient, Tag.PlanePositionSequence, "Image Position Patient");
    }

    private static void addDimension(Sequence index, String organization, int pointer, int group, String label) {
        Attributes item = index.addItem();
        item.setString(Tag.DimensionOrganizationUID, VR.UI, organization);
        item.setInt(Tag.DimensionIndexPointer, VR.AT, pointer);
        item.setInt(Tag.FunctionalGroupPointer, VR.AT, group);
        item.setString(Tag.DimensionDescriptionLabel, VR.LO, label);
    }

    /** What every frame shares: the source's in-plane geometry and its slice spacing. */
    private static void writeShared(Attributes seg, SourceSeries source) {
        SliceHeader first = source.slice(0);
        Attributes shared = seg.newSequence(Tag.SharedFunctionalGroupsSequence, 1).addItem();
        Attributes measures = shared.newSequence(Tag.PixelMeasuresSequence, 1).addItem();
        measures.setDouble(Tag.PixelSpacing, VR.DS, first.rowSpacing(), first.columnSpacing());
        double spacing = source.planeSpacing();
        double thickness = first.sliceThickness() > 0 ? first.sliceThickness() : spacing;
        measures.setDouble(Tag.SliceThickness, VR.DS, thickness);
        // Readers stack frames at this spacing; without it they must guess it from the frames, which skip empty slices.
        measures.setDouble(Tag.SpacingBetweenSlices, VR.DS, spacing);
        Vec3 row = first.rowDirection();
        Vec3 column = first.columnDirection();
        shared.newSequence(Tag.PlaneOrientationSequence, 1).addItem().setDouble(Tag.ImageOrientationPatient, VR.DS,
                row.x(), row.y(), row.z(), column.x(), column.y(), column.z());
    }

    private static void writePerFrame(Attributes seg, SourceSeries source, LabelFrames frames) {
        Sequence perFrame = seg.newSequence(Tag.PerFrameFunctionalGroupsSequence, frames.frames().size());
        for (LabelFrames.Frame frame : frames.frames()) {
            SliceHeader slice = source.slice(frame.slice());
            Attributes groups = perFrame.addItem();
            writeDerivation(groups, source, slice);
            groups.newSequence(Tag.FrameContentSequence, 1).addItem().setInt(Tag.DimensionIndexValues, VR.UL,
                    frame.segmentNumber(), frames.positionIndex(frame.slice()));
            Vec3 position = slice.position();
            groups.newSequence(Tag.PlanePositionSequence, 1).addItem().setDouble(Tag.ImagePositionPatient, VR.DS,
                    position.x(), position.y(), position.z());
            groups.newSequence(Tag.SegmentIdentificationSequence, 1).addItem().setInt(Tag.ReferencedSegmentNumber, VR.US,
                    frame.segmentNumber());
        }
    }

    /** The source slice the frame was segmented on (its frame, for a multi-frame source). */
    private static void writeDerivation(Attributes groups, SourceSeries source, SliceHeader slice) {
        Attributes derivation = groups.newSequence(Tag.DerivationImageSequence, 1).addItem();
        SEGMENTATION_DERIVATION.writeAsOnlyItem(derivation, Tag.DerivationCodeSequence);
        Attributes image = derivation.newSequence(Tag.SourceImageSequence, 1).addItem();
        image.setString(Tag.ReferencedSOPClassUID, VR.UI, source.dataset(slice).getString(Tag.SOPClassUID));
        image.setString(Tag.ReferencedSOPInstanceUID, VR.UI, slice.sopInstanceUid());
        if (slice.frameCount() > 1) {
            image.setInt(Tag.ReferencedFrameNumber, VR.IS, slice.frame() + 1);
        }
        SOURCE_IMAGE_PURPOSE.writeAsOnlyItem(image, Tag.PurposeOfReferenceCodeSequence);
        image.setString(Tag.SpatialLocationsPreserved, VR.CS, "YES");
    }

    /** Every source instance, under the source series (the SEG is in the same study, so no other study is listed). */
    private static void writeReferencedSeries(Attributes seg, SourceSeries source) {
        Attributes series = seg.newSequence(Tag.ReferencedSeriesSequence, 1).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, source.seriesInstanceUid());
        Sequence instances = series.newSequence(Tag.ReferencedInstanceSequence, source.instances().size());
        for (Attributes instance : source.instances()) {
            Attributes item = instances.addItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, instance.getString(Tag.SOPClassUID));
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, instance.getString(Tag.SOPInstanceUID));
        }
    }
}
