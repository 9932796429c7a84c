package org.lumen.report.seg;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a SEG says about itself beyond its segments.
 *
 * @param seriesNumber Series Number (0020,0011) of the new series
 * @param seriesDescription Series Description (0008,103E), or null
 * @param contentLabel Content Label (0070,0080): a code string (capitals, digits, space, underscore; at most 16)
 * @param contentDescription Content Description (0070,0081), or null
 * @param contentCreatorName Content Creator's Name (0070,0084) in DICOM PN form (Family^Given), or null for an algorithm's
 *     output
 * @param modelName Manufacturer's Model Name (0008,1090) of the Enhanced General Equipment: the product that wrote it
 * @param softwareVersion Software Versions (0018,1020)
 * @param deviceSerialNumber Device Serial Number (0018,1000): which installation wrote it
 * @param created Content, Series and Instance Creation date and time
 */
public record SegmentationOptions(int seriesNumber, String seriesDescription, String contentLabel, String contentDescription,
        String contentCreatorName, String modelName, String softwareVersion, String deviceSerialNumber,
        ZonedDateTime created) {
    private static final Pattern CODE_STRING = Pattern.compile("[A-Z0-9 _]{1,16}");

    public SegmentationOptions {
        if (seriesNumber < 0) {
            throw new IllegalArgumentException("series number must not be negative, got " + seriesNumber);
        }
        Objects.requireNonNull(contentLabel, "contentLabel");
        if (!CODE_STRING.matcher(contentLabel).matches()) {
            throw new IllegalArgumentException("content label '" + contentLabel + "' must be 1 to 16 capitals, digits,"
                    + " spaces or underscores (DICOM CS)");
        }
        requireText(modelName, "model name");
        requireText(softwareVersion, "software version");
        requireText(deviceSerialNumber, "device serial number");
        Objects.requireNonNull(created, "created");
    }

    /**
     * Series 1000 "Segmentation", content label SEGMENTATION, model "Lumen", this build's version (from the jar manifest,
     * else "development"), device serial number "0" (set your installation's with {@link #withDevice}), created now.
     */
    public static SegmentationOptions defaults() {
        String version = SegmentationOptions.class.getPackage().getImplementationVersion();
        return new SegmentationOptions(1000, "Segmentation", "SEGMENTATION", null, null, "Lumen",
                version != null ? version : "development", "0", ZonedDateTime.now());
    }

    public SegmentationOptions withSeries(int number, String description) {
        return new SegmentationOptions(number, description, contentLabel, contentDescription, contentCreatorName, modelName,
                softwareVersion, deviceSerialNumber, created);
    }

    public SegmentationOptions withContent(String label, String description) {
        return new SegmentationOptions(seriesNumber, seriesDescription, label, description, contentCreatorName, modelName,
                softwareVersion, deviceSerialNumber, created);
    }

    public SegmentationOptions withContentCreator(String personName) {
        return new SegmentationOptions(seriesNumber, seriesDescription, contentLabel, contentDescription, personName,
                modelName, softwareVersion, deviceSerialNumber, created);
    }

    public SegmentationOptions withDevice(String model, String version, String serialNumber) {
        return new SegmentationOptions(seriesNumber, seriesDescription, contentLabel, contentDescription,
                contentCreatorName, model, version, serialNumber, created);
    }

    public SegmentationOptions withCreated(ZonedDateTime time) {
        return new SegmentationOptions(seriesNumber, seriesDescription, contentLabel, contentDescription,
                contentCreatorName, modelName, softwareVersion, deviceSerialNumber, time);
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required (Enhanced General Equipment makes it type 1)");
        }
    }
}
