package org.lvsh.output;

/** Output formats: virsh's text ("table"), and structured renderings of the same records. */
public enum Format {
    TABLE, JSON, YAML, CSV, NAME;

    public boolean structured() {
        return this != TABLE;
    }
}
