package org.lumen.dicom.model;

/**
 * How a DICOM JSON or Native XML writer renders a dataset. The defaults follow the standards: no File Meta Information
 * (group 0002), no group lengths (PS3.18 F.2.2 forbids them), bulk data inline, compact output.
 *
 * @param includeFileMeta     write group 0002 elements (from the dataset, or the file meta of a DicomFile)
 * @param includeGroupLengths write (gggg,0000) group length elements; needed only for an exact copy of a file's content
 * @param bulkDataPolicy      what to do with bulk values at or above {@code bulkDataThreshold} bytes
 * @param bulkDataThreshold   bulk values shorter than this are always written inline
 * @param bulkDataUris        the caller's URIs for {@link BulkDataPolicy#URI}, or null to use our own {@code file:} URIs
 * @param prettyPrint         indent the output for people
 */
public record ModelWriteOptions(boolean includeFileMeta, boolean includeGroupLengths, BulkDataPolicy bulkDataPolicy,
        long bulkDataThreshold, BulkDataUriFunction bulkDataUris, boolean prettyPrint) {

    public static final ModelWriteOptions DEFAULT = new ModelWriteOptions(false, false, BulkDataPolicy.INLINE, 0, null, false);

    /** Everything the dataset holds, inline: the options for an exact copy. */
    public static final ModelWriteOptions EXACT = new ModelWriteOptions(true, true, BulkDataPolicy.INLINE, 0, null, false);

    public ModelWriteOptions {
        if (bulkDataPolicy == null) {
            throw new IllegalArgumentException("bulkDataPolicy must not be null");
        }
        if (bulkDataThreshold < 0) {
            throw new IllegalArgumentException("bulkDataThreshold must be >= 0, got " + bulkDataThreshold);
        }
    }

    public ModelWriteOptions withFileMeta(boolean include) {
        return new ModelWriteOptions(include, includeGroupLengths, bulkDataPolicy, bulkDataThreshold, bulkDataUris, prettyPrint);
    }

    public ModelWriteOptions withGroupLengths(boolean include) {
        return new ModelWriteOptions(includeFileMeta, include, bulkDataPolicy, bulkDataThreshold, bulkDataUris, prettyPrint);
    }

    public ModelWriteOptions withBulkData(BulkDataPolicy policy, long threshold) {
        return new ModelWriteOptions(includeFileMeta, includeGroupLengths, policy, threshold, bulkDataUris, prettyPrint);
    }

    public ModelWriteOptions withBulkDataUris(BulkDataUriFunction uris) {
        return new ModelWriteOptions(includeFileMeta, includeGroupLengths, bulkDataPolicy, bulkDataThreshold, uris, prettyPrint);
    }

    public ModelWriteOptions withPrettyPrint(boolean pretty) {
        return new ModelWriteOptions(includeFileMeta, includeGroupLengths, bulkDataPolicy, bulkDataThreshold, bulkDataUris, pretty);
    }
}
