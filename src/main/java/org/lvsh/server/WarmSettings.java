package org.lvsh.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Whether the user turned the warm path off: LVSH_SERVER=0, or {@code server = off} in
 * $XDG_CONFIG_HOME/lvsh/lvsh.conf (~/.config/lvsh/lvsh.conf). bin/lvsh reads the same two.
 */
public final class WarmSettings {
    private WarmSettings() {
    }

    /** Why the warm path is off, or null when it is on. */
    public static String offBecause(Map<String, String> env) {
        if ("0".equals(env.get("LVSH_SERVER"))) {
            return "LVSH_SERVER=0";
        }
        Path conf = file(env);
        try {
            if (Files.isRegularFile(conf) && Files.size(conf) < (1 << 20)) {
                for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                    String l = line.replaceFirst("#.*", "").strip();
                    if (l.matches("server\\s*=\\s*off")) {
                        return "server = off in " + conf;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the default stands, as for bin/lvsh
        }
        return null;
    }

    static Path file(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        return config != null && config.startsWith("/") ? Paths.get(config, "lvsh", "lvsh.conf")
                : Paths.get(env.getOrDefault("HOME", System.getProperty("user.home")), ".config", "lvsh", "lvsh.conf");
    }
}
