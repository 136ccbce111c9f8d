package org.lvsh.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** lvsh's version and its libraries', written into the jar by the build (resource filtering). */
public final class LvshVersion {
    private static Properties versions;

    private LvshVersion() {
    }

    public static String lvsh() {
        return get("lvsh");
    }

    public static String binding() {
        return get("libvirt-java");
    }

    public static synchronized String get(String key) {
        if (versions == null) {
            versions = new Properties();
            try (InputStream in = LvshVersion.class.getResourceAsStream("/org/lvsh/version.properties")) {
                if (in != null) {
                    versions.load(in);
                }
            } catch (IOException e) {
                // a jar without the file still runs; versions then read "unknown"
            }
        }
        return versions.getProperty(key, "unknown");
    }
}
