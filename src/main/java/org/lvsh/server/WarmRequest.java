package org.lvsh.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a caller sends first: everything a run of its own would have had. NUL-terminated UTF-8 fields: the
 * protocol's name, the working directory, the umask (octal), whether stdin and stdout are terminals ("01"), the
 * argument count, the arguments, then the whole environment as NAME=VALUE.
 */
record WarmRequest(Path cwd, int umask, boolean stdinTty, boolean stdoutTty, List<String> args,
                   Map<String, String> env) {
    static final String PROTOCOL = "lvsh-warm-1";

    /** The request in {@code payload}, or null when it is not one this server speaks. */
    static WarmRequest parse(byte[] payload) {
        List<String> f = fields(payload);
        if (f.size() < 5 || !f.get(0).equals(PROTOCOL) || !f.get(1).startsWith("/") || f.get(3).length() != 2) {
            return null;
        }
        int umask;
        int argc;
        try {
            umask = Integer.parseInt(f.get(2), 8);
            argc = Integer.parseInt(f.get(4));
        } catch (NumberFormatException e) {
            return null;
        }
        if (argc < 0 || argc > f.size() - 5 || umask < 0 || umask > 0777) {
            return null;
        }
        List<String> args = List.copyOf(f.subList(5, 5 + argc));
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : f.subList(5 + argc, f.size())) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1)); // getenv takes the first
            }
        }
        return new WarmRequest(Paths.get(f.get(1)), umask, f.get(3).charAt(0) == '1', f.get(3).charAt(1) == '1',
                args, Collections.unmodifiableMap(env));
    }

    private static List<String> fields(byte[] payload) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                fields.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return fields;
    }
}
