package org.lumen.image.nifti;

import java.nio.ByteBuffer;
import org.lumen.image.VoxelType;

/** Turns stored voxels into float values, applying scl_slope and scl_inter in double precision. */
final class VoxelDecoder {
    private final VoxelType type;
    private final boolean scaled;
    private final double slope;
    private final double intercept;

    VoxelDecoder(VoxelType type, boolean scaled, double slope, double intercept) {
        this.type = type;
        this.scaled = scaled;
        this.slope = slope;
        this.intercept = intercept;
    }

    /** Decodes {@code count} voxels from the start of {@code buffer} into {@code values} from {@code offset}. */
    void decode(ByteBuffer buffer, int count, float[] values, int offset) {
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.get(i) & 0xFF);
                }
            }
            case INT8 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.get(i));
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.getShort(2 * i));
                }
            }
            case UINT16 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.getShort(2 * i) & 0xFFFF);
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.getInt(4 * i));
                }
            }
            case UINT32 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.getInt(4 * i) & 0xFFFFFFFFL);
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = scaled ? value(buffer.getFloat(4 * i)) : buffer.getFloat(4 * i);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = value(buffer.getDouble(8 * i));
                }
            }
        }
    }

    private float value(double stored) {
        return (float) (scaled ? stored * slope + intercept : stored);
    }
}
