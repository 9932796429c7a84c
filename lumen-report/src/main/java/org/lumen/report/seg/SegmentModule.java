package org.lumen.report.seg;

import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

/**
 * The Segment Sequence (0062,0002): one item per described label, numbered by the label. A described label with no voxel
 * is kept as a segment without frames (the model looked for it and found none), as highdicom writes it.
 */
final class SegmentModule {
    private SegmentModule() {
    }

    static void write(Attributes seg, SegmentDescriptions descriptions) {
        Sequence segments = seg.newSequence(Tag.SegmentSequence, descriptions.byLabel().size());
        for (Map.Entry<Integer, SegmentDescription> entry : descriptions.byLabel().entrySet()) {
            writeSegment(segments.addItem(), entry.getKey(), entry.getValue(), descriptions.algorithm());
        }
    }

    private static void writeSegment(Attributes item, int number, SegmentDescription description,
            SegmentAlgorithm algorithm) {
        item.setInt(Tag.SegmentNumber, VR.US, number);
        item.setString(Tag.SegmentLabel, VR.LO, description.label());
        item.setString(Tag.SegmentAlgorithmType, VR.CS, algorithm.type().name());
        if (algorithm.type() != SegmentAlgorithm.Type.MANUAL) {
            item.setString(Tag.SegmentAlgorithmName, VR.LO, algorithm.name());
            Attributes identification = item.newSequence(Tag.SegmentationAlgorithmIdentificationSequence, 1).addItem();
            algorithm.family().writeAsOnlyItem(identification, Tag.AlgorithmFamilyCodeSequence);
            identification.setString(Tag.AlgorithmName, VR.LO, algorithm.name());
            identification.setString(Tag.AlgorithmVersion, VR.LO, algorithm.version());
        }
        description.category().writeAsOnlyItem(item, Tag.SegmentedPropertyCategoryCodeSequence);
        description.type().writeAsOnlyItem(item, Tag.SegmentedPropertyTypeCodeSequence);
    }
}
