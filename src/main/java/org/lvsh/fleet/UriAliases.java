package org.lvsh.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libvirt's own host names: {@code uri_aliases} of libvirt.conf (the user's, or the system's for root: the file
 * libvirt itself reads), so that a name means in lvsh what it means in virsh. Entries libvirt would refuse (no
 * '=', a name with other characters than libvirt allows) are left out, as libvirt leaves them unmatched.
 */
public final class UriAliases {
    private static final Pattern LIST = Pattern.compile("(?m)^\\s*uri_aliases\\s*=\\s*\\[(.*?)\\]", Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private UriAliases() {
    }

    /** The libvirt.conf libvirt reads for this user. */
    public static Path location(boolean root, String xdgConfigHome, String home) {
        if (root) {
            return Path.of("/etc/libvirt/libvirt.conf");
        }
        String base = xdgConfigHome != null && !xdgConfigHome.isEmpty() ? xdgConfigHome
                : (home == null ? "" : home) + "/.config";
        return Path.of(base, "libvirt", "libvirt.conf");
    }

    /** name -> URI, in the file's order; none when the file is missing or unreadable (libvirt then has none). */
    public static Map<String, String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > (1 << 20)) {
                return Map.of();
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static final Pattern DEFAULT = Pattern.compile("(?m)^\\s*uri_default\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /** libvirt.conf's uri_default: what libvirt opens when no URI is given; null when the file names none. */
    public static String defaultUri(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > (1 << 20)) {
                return null;
            }
            Matcher m = DEFAULT.matcher(code(Files.readString(file, StandardCharsets.UTF_8)));
            return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file without its comments. */
    private static String code(String conf) {
        StringBuilder code = new StringBuilder();
        for (String line : conf.split("\n", -1)) {
            int hash = commentStart(line);
            code.append(hash < 0 ? line : line.substring(0, hash)).append('\n');
        }
        return code.toString();
    }

    static Map<String, String> parse(String conf) {
        String code = code(conf);
        Map<String, String> aliases = new LinkedHashMap<>();
        Matcher list = LIST.matcher(code);
        if (!list.find()) {
            return aliases;
        }
        Matcher entry = ENTRY.matcher(list.group(1));
        while (entry.find()) {
            String text = entry.group(1) != null ? entry.group(1) : entry.group(2);
            int eq = text.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = text.substring(0, eq);
            if (NAME.matcher(name).matches()) {
                aliases.putIfAbsent(name, text.substring(eq + 1)); // libvirt uses the first match
            }
        }
        return aliases;
    }

    /** Where a '#' outside quotes starts a comment. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return i;
            }
        }
        return -1;
    }
}
