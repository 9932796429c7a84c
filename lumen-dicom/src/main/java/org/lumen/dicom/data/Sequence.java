package org.lumen.dicom.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The items of an SQ element. Each item is an {@link Attributes} whose parent is the dataset holding the sequence. */
public final class Sequence implements Iterable<Attributes> {
    private final Attributes parent;
    private final List<Attributes> items;

    Sequence(Attributes parent, int initialCapacity) {
        this.parent = parent;
        this.items = new ArrayList<>(initialCapacity);
    }

    public Attributes parent() {
        return parent;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    /** Appends a new empty item that inherits the parent's byte order and character set. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent.bigEndian(), 8);
        item.setParent(parent);
        items.add(item);
        return item;
    }

    /** Appends an existing dataset as an item, re-parenting it. */
    public Attributes add(Attributes item) {
        item.setParent(parent);
        items.add(item);
        return item;
    }

    public Attributes remove(int index) {
        return items.remove(index);
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items.iterator();
    }
}
