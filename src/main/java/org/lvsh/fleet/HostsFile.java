package org.lvsh.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.cli.Failure;

/**
 * lvsh's hosts.yaml: names for hosts (a URI, or a URI with a timeout and read-only) and groups of them. Read
 * token by token so that every mistake is reported with the line it is on; nothing in it is ever executed.
 */
public final class HostsFile {
    private static final int MAX_BYTES = 4 << 20;

    private final Path path;
    private final Map<String, HostEntry> hosts;
    private final Map<String, List<String>> groups;

    private HostsFile(Path path, Map<String, HostEntry> hosts, Map<String, List<String>> groups) {
        this.path = path;
        this.hosts = hosts;
        this.groups = groups;
    }

    /** The file at {@code path}; none there means no names. A file that does not parse is a usage error. */
    public static HostsFile load(Path path) {
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw bad(path, 0, "larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new HostsFile(path, Map.of(), Map.of());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw Failure.usage("cannot read " + path + ": " + e.getMessage());
        }
        return parse(path, text);
    }

    static HostsFile parse(Path path, String text) {
        try (JsonParser p = new YAMLFactory().createParser(new java.io.StringReader(text))) {
            return new Reading(path, p).file();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw syntax(path, at == null ? 0 : at.getLineNr(), e.getOriginalMessage());
        } catch (IOException e) {
            throw Failure.usage("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static final java.util.regex.Pattern MARK =
            java.util.regex.Pattern.compile(" in '[^']*', line (\\d+), column \\d+:?");

    /**
     * A syntax error as the YAML parser words it, made one line: its problem ("found character '\t(TAB)' that
     * cannot start any token") on the line where it is, then what it was reading ("while scanning a quoted scalar",
     * and the line that began on). The parser's first line alone said only what it was reading.
     */
    static Failure syntax(Path path, int line, String message) {
        List<String> said = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (String l : message.split("\n")) {
            java.util.regex.Matcher m = MARK.matcher(l);
            if (m.matches()) {
                if (!lines.isEmpty() && lines.get(lines.size() - 1) == null) {
                    lines.set(lines.size() - 1, Integer.parseInt(m.group(1)));
                }
            } else if (!l.isBlank() && !l.startsWith("    ")) { // "    " starts the parser's quote of the text
                said.add(l.strip());
                lines.add(null);
            }
        }
        if (said.isEmpty()) {
            return bad(path, line, message.strip());
        }
        int last = said.size() - 1;
        Integer where = lines.get(last);
        String text = said.get(last);
        if (last > 0) {
            Integer began = lines.get(0);
            text += " (" + said.get(0) + (began != null && !began.equals(where) ? ", from line " + began : "") + ")";
        }
        return bad(path, where != null ? where : line, text);
    }

    static Failure bad(Path path, int line, String message) {
        return Failure.usage(path + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public Path path() {
        return path;
    }

    public Map<String, HostEntry> hosts() {
        return hosts;
    }

    public Map<String, List<String>> groups() {
        return groups;
    }

    /** One pass over the tokens; fields in any order, unknown ones refused (a typo must not pass unseen). */
    private static final class Reading {
        private final Path path;
        private final JsonParser p;
        private final Map<String, HostEntry> hosts = new LinkedHashMap<>();
        private final Map<String, List<String>> groups = new LinkedHashMap<>();
        private final Map<String, Integer> memberLines = new LinkedHashMap<>();

        Reading(Path path, JsonParser p) {
            this.path = path;
            this.p = p;
        }

        /**
         * The next token. YAML's aliases (*name) are refused: the parser gives an alias as its name, so a host
         * written "b: *a" would connect to the URI "a".
         */
        private JsonToken next() throws IOException {
            JsonToken t = p.nextToken();
            if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
                throw fail("YAML aliases (*" + p.getText() + ") are not read here; write the value out");
            }
            return t;
        }

        HostsFile file() throws IOException {
            JsonToken t = next();
            if (t == null) {
                return new HostsFile(path, Map.of(), Map.of()); // an empty file names nothing
            }
            expect(t == JsonToken.START_OBJECT, "expected 'hosts:' and 'groups:' at the top");
            while ((t = next()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                next();
                switch (key) {
                    case "hosts" -> hosts();
                    case "groups" -> groups();
                    default -> throw fail("unknown key '" + key + "' (expected hosts or groups)");
                }
            }
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                for (String member : g.getValue()) {
                    if (!hosts.containsKey(member) && !HostDirectory.looksLikeUri(member)) {
                        throw bad(path, memberLines.get(g.getKey() + "\0" + member),
                                "group '" + g.getKey() + "' names '" + member + "', which is not a host of this file");
                    }
                }
            }
            return new HostsFile(path, hosts, groups);
        }

        private void hosts() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            expect(p.currentToken() == JsonToken.START_OBJECT, "'hosts' must map names to URIs");
            while (next() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = line();
                checkName(name, "host");
                if (hosts.containsKey(name)) {
                    throw fail("host '" + name + "' is named twice");
                }
                JsonToken v = next();
                if (v == JsonToken.VALUE_STRING) {
                    hosts.put(name, new HostEntry(name, uri(p.getText()), null, false));
                } else {
                    expect(v == JsonToken.START_OBJECT, "host '" + name + "': expected a URI or {uri: ..., timeout: ..., readonly: ...}");
                    hosts.put(name, host(name, line));
                }
            }
        }

        private HostEntry host(String name, int line) throws IOException {
            String uri = null;
            Integer timeout = null;
            boolean readOnly = false;
            while (next() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = next();
                switch (key) {
                    case "uri" -> {
                        expect(v == JsonToken.VALUE_STRING, "host '" + name + "': uri must be a string");
                        uri = uri(p.getText());
                    }
                    case "timeout" -> {
                        expect(v == JsonToken.VALUE_NUMBER_INT && p.getLongValue() > 0 && p.getLongValue() <= 86400,
                                "host '" + name + "': timeout must be a whole number of seconds, 1 to 86400");
                        timeout = p.getIntValue();
                    }
                    case "readonly" -> {
                        expect(v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE,
                                "host '" + name + "': readonly must be true or false");
                        readOnly = v == JsonToken.VALUE_TRUE;
                    }
                    default -> throw fail("host '" + name + "': unknown key '" + key + "' (expected uri, timeout or readonly)");
                }
            }
            if (uri == null) {
                throw bad(path, line, "host '" + name + "' has no uri");
            }
            return new HostEntry(name, uri, timeout, readOnly);
        }

        private String uri(String text) {
            expect(!text.isBlank(), "an empty URI");
            return text.strip();
        }

        private void groups() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            expect(p.currentToken() == JsonToken.START_OBJECT, "'groups' must map names to lists of hosts");
            while (next() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                checkName(name, "group");
                if (groups.containsKey(name)) {
                    throw fail("group '" + name + "' is named twice");
                }
                expect(next() == JsonToken.START_ARRAY, "group '" + name + "': expected a list of hosts, [a, b]");
                List<String> members = new ArrayList<>();
                JsonToken t;
                while ((t = next()) != JsonToken.END_ARRAY) {
                    expect(t == JsonToken.VALUE_STRING, "group '" + name + "': hosts are names");
                    String member = p.getText().strip();
                    memberLines.putIfAbsent(name + "\0" + member, line());
                    if (!members.contains(member)) {
                        members.add(member);
                    }
                }
                groups.put(name, List.copyOf(members));
            }
        }

        private void checkName(String name, String what) {
            if (!HostDirectory.validName(name)) {
                throw fail(what + " name '" + name + "' may not be empty, 'all', or hold ',', ':', '@', '/' or blanks");
            }
        }

        private int line() {
            return p.currentLocation().getLineNr();
        }

        private void expect(boolean ok, String message) {
            if (!ok) {
                throw fail(message);
            }
        }

        private Failure fail(String message) {
            return bad(path, line(), message);
        }
    }

}
