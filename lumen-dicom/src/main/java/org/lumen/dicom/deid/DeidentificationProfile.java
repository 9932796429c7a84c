package org.lumen.dicom.deid;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a {@link Deidentifier} does: the Basic Profile plus a set of options, and whether an instance whose Burned In
 * Annotation (0028,0301) is YES may pass (reported in the result) instead of being refused.
 *
 * @param options         the options applied on top of the Basic Profile
 * @param allowBurnedIn   pass instances flagged with burned-in annotation instead of refusing them
 */
public record DeidentificationProfile(Set<ProfileOption> options, boolean allowBurnedIn) {
    /** The Basic Profile alone, refusing burned-in annotation. */
    public static final DeidentificationProfile BASIC = new DeidentificationProfile(Set.of(), false);

    public DeidentificationProfile {
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    }

    public static DeidentificationProfile basicWith(ProfileOption... options) {
        return new DeidentificationProfile(options.length == 0 ? Set.of() : EnumSet.of(options[0], options), false);
    }

    public boolean has(ProfileOption option) {
        return options.contains(option);
    }

    public DeidentificationProfile withOption(ProfileOption option) {
        EnumSet<ProfileOption> more = options.isEmpty() ? EnumSet.noneOf(ProfileOption.class) : EnumSet.copyOf(options);
        more.add(option);
        return new DeidentificationProfile(more, allowBurnedIn);
    }

    public DeidentificationProfile allowingBurnedIn() {
        return new DeidentificationProfile(options, true);
    }
}
