package org.lumen.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item followed by fragments. Each item is held either as bytes
 * or as a {@link BulkData} reference to its place in the file.
 */
public final class Fragments {
    private final VR vr;
    private final boolean bigEndian;
    private final List<Object> items = new ArrayList<>();

    public Fragments(VR vr, boolean bigEndian) {
        this.vr = vr;
        this.bigEndian = bigEndian;
    }

    public VR vr() {
        return vr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public void add(byte[] bytes) {
        items.add(bytes);
    }

    public void add(BulkData reference) {
        items.add(reference);
    }

    /** Number of items including the offset table item. */
    public int size() {
        return items.size();
    }

    /** Item {@code i} as bytes (item 0 is the Basic Offset Table), reading it from the file when it is a reference. */
    public byte[] bytes(int i) {
        Object item = items.get(i);
        return item instanceof BulkData bulk ? bulk.read() : (byte[]) item;
    }

    /** Length of item {@code i} without reading it. */
    public long length(int i) {
        Object item = items.get(i);
        return item instanceof BulkData bulk ? bulk.length() : ((byte[]) item).length;
    }

    /** The raw items: each a {@code byte[]} or a {@link BulkData}. */
    public List<Object> items() {
        return Collections.unmodifiableList(items);
    }
}
