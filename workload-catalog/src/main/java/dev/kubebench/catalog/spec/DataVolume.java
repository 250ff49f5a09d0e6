package dev.kubebench.catalog.spec;

import java.util.Objects;

/** A PersistentVolumeClaim mounted into every replica. */
public record DataVolume(String name, String claim, String mountPath, boolean readOnly) {
    public DataVolume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(mountPath, "mountPath");
    }
}
