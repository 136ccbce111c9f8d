package org.lvsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.model.DomainEventRecord;

/** Output.Stream: one record at a time, in every format, with and without a host. */
class EventStreamTest {
    private static final DomainEventRecord STARTED = new DomainEventRecord("2026-12-03T12:00:00.125Z", "lifecycle",
            "web", "11111111-2222-3333-4444-555555555555", "Started", "Booted", null, null, null);
    private static final DomainEventRecord REBOOT = new DomainEventRecord("2026-12-03T12:00:01.500Z", "reboot",
            "db, \"main\"", "66666666-2222-3333-4444-555555555555", null, null, null, null, null);

    private static String stream(Format format, String host) {
        StringWriter sw = new StringWriter();
        Output.Stream s = new Output(new PrintWriter(sw), format, false, true).stream(DomainEventRecord.class);
        for (DomainEventRecord e : List.of(STARTED, REBOOT)) {
            s.emit(host, e, EventText.line(e, false));
        }
        return sw.toString();
    }

    @Test
    void textIsVirshsLineAndTheHostPrefixesIt() {
        assertEquals("event 'lifecycle' for domain 'web': Started Booted\n"
                + "event 'reboot' for domain 'db, \"main\"'\n", stream(Format.TABLE, null));
        assertEquals("a: event 'lifecycle' for domain 'web': Started Booted\n"
                + "a: event 'reboot' for domain 'db, \"main\"'\n", stream(Format.TABLE, "a"));
    }

    @Test
    void jsonIsOneObjectALineWithTheHostFirst() {
        assertEquals("{\"timestamp\": \"2026-12-03T12:00:00.125Z\", \"event\": \"lifecycle\", \"domain\": \"web\", "
                + "\"uuid\": \"11111111-2222-3333-4444-555555555555\", \"type\": \"Started\", \"detail\": \"Booted\"}\n"
                + "{\"timestamp\": \"2026-12-03T12:00:01.500Z\", \"event\": \"reboot\", \"domain\": \"db, \\\"main\\\"\", "
                + "\"uuid\": \"66666666-2222-3333-4444-555555555555\"}\n", stream(Format.JSON, null));
        assertEquals(Json.line(STARTED) + "\n" + Json.line(REBOOT) + "\n", stream(Format.JSON, null),
                "as the record's own JSON line, byte for byte");
        assertEquals("{\"host\": \"a\", \"timestamp\": \"2026-12-03T12:00:00.125Z\", \"event\": \"lifecycle\", "
                + "\"domain\": \"web\", \"uuid\": \"11111111-2222-3333-4444-555555555555\", \"type\": \"Started\", "
                + "\"detail\": \"Booted\"}", stream(Format.JSON, "a").lines().findFirst().get());
    }

    @Test
    void yamlIsOneDocumentPerEventSeparatedByDashes() {
        assertEquals("timestamp: 2026-12-03T12:00:00.125Z\n"
                + "event: lifecycle\n"
                + "domain: web\n"
                + "uuid: 11111111-2222-3333-4444-555555555555\n"
                + "type: Started\n"
                + "detail: Booted\n"
                + "---\n"
                + "timestamp: 2026-12-03T12:00:01.500Z\n"
                + "event: reboot\n"
                + "domain: \"db, \\\"main\\\"\"\n"
                + "uuid: 66666666-2222-3333-4444-555555555555\n", stream(Format.YAML, null));
        assertEquals("host: a\ntimestamp: 2026-12-03T12:00:00.125Z\n",
                stream(Format.YAML, "a").lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
    }

    /** Quoting is Jackson's, as for every -o csv. */
    @Test
    void csvHasOneHeaderThenARowPerEventWithEveryColumn() {
        assertEquals("timestamp,event,domain,uuid,type,detail,src_path,dev_alias,action\n"
                + "2026-12-03T12:00:00.125Z,lifecycle,web,\"11111111-2222-3333-4444-555555555555\",Started,Booted,,,\n"
                + "2026-12-03T12:00:01.500Z,reboot,\"db, \"\"main\"\"\",\"66666666-2222-3333-4444-555555555555\",,,,,\n",
                stream(Format.CSV, null));
        assertEquals("host,timestamp,event,domain,uuid,type,detail,src_path,dev_alias,action\n"
                + "a,2026-12-03T12:00:00.125Z,lifecycle,web,\"11111111-2222-3333-4444-555555555555\",Started,Booted,,,\n",
                stream(Format.CSV, "a").lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
    }

    @Test
    void csvWithoutHeadersIsRowsOnly() {
        StringWriter sw = new StringWriter();
        Output.Stream s = new Output(new PrintWriter(sw), Format.CSV, false, false).stream(DomainEventRecord.class);
        s.emit(null, STARTED, EventText.line(STARTED, false));
        assertEquals("2026-12-03T12:00:00.125Z,lifecycle,web,\"11111111-2222-3333-4444-555555555555\",Started,Booted,,,\n",
                sw.toString());
    }

    @Test
    void nameIsTheDomainOfEachEvent() {
        assertEquals("web\ndb, \"main\"\n", stream(Format.NAME, null));
        assertEquals("a:web\na:db, \"main\"\n", stream(Format.NAME, "a"));
    }

    /** A record with a nested value. */
    record Nested(String name, List<String> disks) {
    }

    @Test
    void csvRefusesANestedRecordAtTheFirstOne() {
        StringWriter sw = new StringWriter();
        Output.Stream s = new Output(new PrintWriter(sw), Format.CSV, false, true).stream(Nested.class);
        FormatNotAvailable e = assertThrows(FormatNotAvailable.class,
                () -> s.emit(null, new Nested("web", List.of("vda")), "web"));
        assertEquals("csv output needs flat records; 'disks' is nested (use -o json or -o yaml)", e.getMessage());
        assertEquals("", sw.toString(), "nothing written, not even the header");
    }
}
