package org.lvsh.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One command's answers from several hosts, rendered as one: the host is added to every record (JSON, YAML, CSV,
 * names), as a Host column to tables and rows, as a prefix to script lines, or as a "Host:" line above each
 * host's own text. Hosts come in the order of the host list.
 */
public final class HostsRenderer {
    private HostsRenderer() {
    }

    /** One host's answer: what its command emitted (usually one record). */
    public record Answer(String host, List<Emitted> emitted) {
    }

    public static void render(List<Answer> answers, PrintWriter out) {
        Emitted first = answers.stream().flatMap(a -> a.emitted().stream()).findFirst().orElse(null);
        if (first == null) {
            return;
        }
        Output style = first.origin();
        Format format = style.format();
        if (format.structured()) {
            ArrayNode records = records(answers);
            switch (format) {
                case JSON -> out.println(Json.pretty(records));
                case NAME -> out.print(names(records));
                default -> out.print(Structured.render(format, records));
            }
        } else {
            text(answers, style, out);
        }
        // flushed by the caller, with the blank line that follows (one write for a short answer, as one host's)
    }

    /** Every host's record with "host" first; a list's rows become rows of one flat list. */
    private static ArrayNode records(List<Answer> answers) {
        ArrayNode all = Json.mapper().createArrayNode();
        for (Answer a : answers) {
            for (Emitted e : a.emitted()) {
                JsonNode tree = Json.mapper().valueToTree(e.data());
                if (tree.isArray()) {
                    tree.forEach(item -> all.add(hosted(a.host(), item)));
                } else {
                    all.add(hosted(a.host(), tree));
                }
            }
        }
        return all;
    }

    private static ObjectNode hosted(String host, JsonNode record) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("host", host);
        if (record instanceof ObjectNode fields) {
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
                if (!f.getKey().equals("host")) {
                    o.set(f.getKey(), f.getValue());
                }
            }
        } else {
            o.set("value", record); // capabilities --xml: the document as a string
        }
        return o;
    }

    /** -o name: HOST:NAME, which lvsh takes back as a domain argument. */
    private static String names(ArrayNode records) {
        StringBuilder text = new StringBuilder();
        for (JsonNode r : records) {
            JsonNode name = r.get("name");
            if (name == null) {
                throw new FormatNotAvailable("this command has no names to print; -o name fits list and domain commands");
            }
            text.append(r.get("host").asText()).append(':').append(name.asText()).append('\n');
        }
        return text.toString();
    }

    private static void text(List<Answer> answers, Output style, PrintWriter out) {
        HostView kind = answers.stream().flatMap(a -> a.emitted().stream()).findFirst().get().view();
        if (kind instanceof HostView.Rows) {
            rows(answers, style, out);
        } else if (kind instanceof HostView.Lines) {
            for (Answer a : answers) {
                for (Emitted e : a.emitted()) {
                    if (e.view() instanceof HostView.Lines l) {
                        l.lines().forEach(line -> out.println(a.host() + ":" + line));
                    }
                }
            }
        } else {
            boolean firstBlock = true;
            for (Answer a : answers) {
                if (a.emitted().isEmpty()) {
                    continue; // nothing to say (domstats: none of the domains named is on this host)
                }
                if (!firstBlock) {
                    out.println();
                }
                firstBlock = false;
                out.println("Host: " + a.host());
                Output own = new Output(out, Format.TABLE, style.quiet(), style.headers());
                for (Emitted e : a.emitted()) {
                    e.text().render(own);
                }
            }
        }
    }

    /** One table: the Host column, then the union of the hosts' columns; --sort-by orders all rows together. */
    private static void rows(List<Answer> answers, Output style, PrintWriter out) {
        List<String> header = new ArrayList<>();
        int hostColumn = 0;
        for (Answer a : answers) {
            for (Emitted e : a.emitted()) {
                if (e.view() instanceof HostView.Rows r) {
                    hostColumn = Math.min(r.hostColumn(), r.header().size());
                    r.header().stream().filter(h -> !header.contains(h)).forEach(header::add);
                }
            }
        }
        List<String> columns = new ArrayList<>(header);
        columns.add(Math.min(hostColumn, columns.size()), "Host");
        record Row(List<String> cells, Comparable<Object> key) {
        }
        List<Row> rows = new ArrayList<>();
        boolean sorted = false;
        for (Answer a : answers) {
            for (Emitted e : a.emitted()) {
                if (!(e.view() instanceof HostView.Rows r)) {
                    continue;
                }
                sorted |= r.keys() != null;
                for (int i = 0; i < r.rows().size(); i++) {
                    List<String> cells = new ArrayList<>();
                    for (String h : header) {
                        int at = r.header().indexOf(h);
                        cells.add(at < 0 ? "-" : r.rows().get(i).get(at));
                    }
                    cells.add(Math.min(hostColumn, cells.size()), a.host());
                    rows.add(new Row(cells, r.keys() == null ? null : r.keys().get(i)));
                }
            }
        }
        if (sorted) {
            rows.sort(Comparator.comparing(Row::key, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        Table t = new Table(columns.toArray(String[]::new));
        rows.forEach(r -> t.row(r.cells().toArray()));
        out.print(t.render(style.headers()));
    }
}
