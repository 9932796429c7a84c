package org.lumen.dicom.model;

import org.lumen.dicom.data.Sequence;

/** How one element's value is carried in the JSON or XML model; decided once by {@link ModelValues} for both writers. */
public sealed interface ModelValue {

    /** Present with an empty value: no Value member (JSON) or no Value element (XML). */
    record Empty() implements ModelValue {
    }

    /**
     * Values as text. {@code numeric[i]} marks a value that JSON writes as a number (its text is valid JSON number syntax and
     * reads back to the same value); a null value is an empty value inside a multi-valued element.
     */
    record Texts(String[] values, boolean[] numeric) implements ModelValue {
    }

    /** PN values; a null value is an empty name inside a multi-valued element. */
    record PersonNames(String[] values) implements ModelValue {
    }

    /** The items of a sequence (possibly none). */
    record Items(Sequence sequence) implements ModelValue {
    }

    /** Bytes for InlineBinary, little endian as PS3.18 F.2.7 and PS3.5 require. */
    record Inline(byte[] bytes) implements ModelValue {
    }

    /** A BulkDataURI. */
    record Uri(String uri) implements ModelValue {
    }

    /** Left out of the document by the bulk data policy. */
    record Omitted() implements ModelValue {
    }
}
