package org.lvsh.model;

/** version: decoded x.y.z versions; daemon only when asked for (--daemon), hypervisor version null if unknown. */
public record VersionInfo(String library, Api api, Hypervisor hypervisor, String daemon, String lvsh,
                          String binding) {
    public record Api(String driver, String version) {
    }

    public record Hypervisor(String type, String version) {
    }
}
