package org.lumen.image.volumetry;

/**
 * One label through the frames of a time series (e.g. a heart chamber through the cardiac cycle) and its ejection
 * fraction. End-diastole is the frame of largest volume, end-systole that of smallest; the volumes are voxel-count
 * volumes, which carry no surface bias into the ratio. Frames where the label is missing count as volume 0.
 *
 * @param label the label value
 * @param voxelVolumesMm3 voxel-count volume per frame, in the given frame order
 * @param meshVolumesMm3 marching-cubes volume per frame
 * @param endDiastolicFrame index (from 0) of the frame of largest volume, the first one on a tie
 * @param endSystolicFrame index of the frame of smallest volume, the first one on a tie
 */
public record LabelTimeSeries(int label, double[] voxelVolumesMm3, double[] meshVolumesMm3, int endDiastolicFrame,
        int endSystolicFrame) {

    public double endDiastolicVolumeMm3() {
        return voxelVolumesMm3[endDiastolicFrame];
    }

    public double endSystolicVolumeMm3() {
        return voxelVolumesMm3[endSystolicFrame];
    }

    /** EF = (EDV - ESV) / EDV, a fraction (0.6 is 60%). */
    public double ejectionFraction() {
        double edv = endDiastolicVolumeMm3();
        return (edv - endSystolicVolumeMm3()) / edv;
    }
}
