package org.lvsh.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * YAML, CSV and name renderings. All three start from the JSON tree of the record, so every format shows the
 * same keys and values; Jackson's data formats do the writing.
 */
final class Structured {
    private Structured() {
    }

    static String render(Format format, Object data) {
        JsonNode tree = Json.mapper().valueToTree(data);
        return switch (format) {
            case YAML -> yaml(tree);
            case CSV -> csv(tree);
            case NAME -> names(tree);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    /** The record's JSON tree; with a host, "host" comes first. */
    static ObjectNode hosted(String host, Object record) {
        JsonNode tree = Json.mapper().valueToTree(record);
        ObjectNode o = Json.mapper().createObjectNode();
        if (host != null) {
            o.put("host", host);
        }
        if (tree instanceof ObjectNode fields) {
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
                if (host == null || !f.getKey().equals("host")) {
                    o.set(f.getKey(), f.getValue());
                }
            }
        } else {
            o.set(SCALAR_COLUMN, tree);
        }
        return o;
    }

    /** One YAML document (no "---" marker). */
    static String yamlDocument(JsonNode tree) {
        return yaml(tree);
    }

    /** A record component's key: the JSON key Jackson gives it. */
    static String snake(String component) {
        return new PropertyNamingStrategies.SnakeCaseStrategy().translate(component);
    }

    /** One mapper for the streamed rows (thread-safe once built): making one per row cost top -o csv most of its time. */
    private static volatile CsvMapper streamCsv;

    private static CsvMapper streamCsv() {
        CsvMapper m = streamCsv;
        if (m == null) {
            streamCsv = m = new CsvMapper();
        }
        return m;
    }

    private static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return schema.build();
    }

    static String csvHeader(List<String> columns) {
        try {
            return streamCsv().writer(schema(columns).withHeader()).writeValueAsString(
                    Json.mapper().createArrayNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One CSV row of the columns for a stream of records of any shape: a nested value is a cell of its JSON. */
    static String csvRow(List<String> columns, ObjectNode record) {
        ObjectNode row = Json.mapper().createObjectNode();
        for (String c : columns) {
            JsonNode v = record.get(c);
            row.put(c, v == null || v.isNull() ? "" : v.isContainerNode() ? Json.line(v) : v.asText());
        }
        try {
            return streamCsv().writer(schema(columns).withoutHeader()).writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** -o name of one streamed record: its name (a domain's, for events), HOST:NAME with a host. */
    static String streamName(String host, ObjectNode record) {
        JsonNode name = record.has("name") ? record.get("name") : record.get("domain");
        if (name == null || !name.isValueNode()) {
            throw new FormatNotAvailable("this command has no names to print; -o name fits list and domain commands");
        }
        return (host == null ? "" : host + ":") + name.asText() + "\n";
    }

    private static String yaml(JsonNode tree) {
        YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
        yaml.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try {
            return yaml.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One CSV row per array element (or the one object), header from the keys; nested values do not fit. */
    private static String csv(JsonNode tree) {
        List<JsonNode> rows = new ArrayList<>();
        if (tree.isArray()) {
            tree.forEach(rows::add);
        } else {
            rows.add(tree);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        List<String> columns = new ArrayList<>();
        if (!rows.isEmpty() && rows.stream().allMatch(JsonNode::isValueNode)) {
            // a list of words (event --list) or one word: a single column
            ObjectNode header = Json.mapper().createObjectNode();
            List<JsonNode> wrapped = new ArrayList<>();
            for (JsonNode value : rows) {
                wrapped.add(header.objectNode().set(SCALAR_COLUMN, value));
            }
            rows = wrapped;
        }
        for (JsonNode row : rows) {
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isContainerNode()) {
                    throw new FormatNotAvailable("csv output needs flat records; '" + field.getKey()
                            + "' is nested (use -o json or -o yaml)");
                }
                if (!columns.contains(field.getKey())) {
                    columns.add(field.getKey());
                }
            }
        }
        if (columns.isEmpty()) {
            return ""; // nothing to list (domstats --list-inactive on a host with none): no rows, no header
        }
        columns.forEach(schema::addColumn);
        CsvMapper csv = new CsvMapper();
        csv.disable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = csv.createArrayNode();
        rows.forEach(array::add);
        try {
            return csv.writer(schema.build()).writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SCALAR_COLUMN = "value";

    /** kubectl's -o name: the name of each listed thing, one a line. */
    private static String names(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        Iterable<JsonNode> items = tree.isArray() ? tree : List.of(tree);
        for (JsonNode item : items) {
            JsonNode name = item instanceof ObjectNode o ? o.get("name") : item.isTextual() ? item : null;
            if (name == null) {
                throw new FormatNotAvailable("this command has no names to print; -o name fits list and domain commands");
            }
            out.append(name.asText()).append('\n');
        }
        return out.toString();
    }
}
