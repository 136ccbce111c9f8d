package org.lvsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.model.DomainEvent;
import org.lvsh.model.EventColumns;
import org.lvsh.model.EventParams;
import org.lvsh.model.TypedParam;

/** Output.Stream: one record at a time, in every format, with and without a host. */
class EventStreamTest {
    private static final DomainEvent STARTED = new DomainEvent.Lifecycle("2026-12-03T12:00:00.125Z", "lifecycle",
            "web", "11111111-2222-3333-4444-555555555555", "Started", "Booted");
    private static final DomainEvent REBOOT = new DomainEvent.Plain("2026-12-03T12:00:01.500Z", "reboot",
            "db, \"main\"", "66666666-2222-3333-4444-555555555555");
    /** The columns of a watch of the kinds lvsh's first release knew: the nine it printed. */
    private static final List<String> FIRST_KINDS = EventColumns.of(List.of("lifecycle", "reboot"));

    private static String stream(Format format, String host) {
        StringWriter sw = new StringWriter();
        Output.Stream s = new Output(new PrintWriter(sw), format, false, true).stream(FIRST_KINDS);
        for (DomainEvent e : List.of(STARTED, REBOOT)) {
            s.emit(host, e, EventText.text(e, false));
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
        Output.Stream s = new Output(new PrintWriter(sw), Format.CSV, false, false).stream(FIRST_KINDS);
        s.emit(null, STARTED, EventText.text(STARTED, false));
        assertEquals("2026-12-03T12:00:00.125Z,lifecycle,web,\"11111111-2222-3333-4444-555555555555\",Started,Booted,,,\n",
                sw.toString());
    }

    @Test
    void nameIsTheDomainOfEachEvent() {
        assertEquals("web\ndb, \"main\"\n", stream(Format.NAME, null));
        assertEquals("a:web\na:db, \"main\"\n", stream(Format.NAME, "a"));
    }

    /** A stream cannot refuse an event halfway through a watch: a nested value is one cell holding its JSON. */
    @Test
    void csvPutsANestedValueInOneCellAsItsJson() {
        DomainEvent tunable = new DomainEvent.Tunable("2026-12-03T12:00:02.000Z", "tunable", "web",
                "11111111-2222-3333-4444-555555555555", new EventParams(List.of(
                        new TypedParam("cputune.vcpupin0", TypedParam.Type.STRING, "0-1"),
                        new TypedParam("cputune.cpu_shares", TypedParam.Type.ULLONG, 1024L))));
        StringWriter sw = new StringWriter();
        Output.Stream s = new Output(new PrintWriter(sw), Format.CSV, false, true)
                .stream(EventColumns.of(List.of("lifecycle", "tunable")));
        s.emit(null, STARTED, EventText.text(STARTED, false));
        s.emit(null, tunable, EventText.text(tunable, false));
        assertEquals("timestamp,event,domain,uuid,type,detail,src_path,dev_alias,action,params\n"
                + "2026-12-03T12:00:00.125Z,lifecycle,web,\"11111111-2222-3333-4444-555555555555\",Started,Booted,,,,\n"
                + "2026-12-03T12:00:02.000Z,tunable,web,\"11111111-2222-3333-4444-555555555555\",,,,,,"
                + "\"{\"\"cputune.vcpupin0\"\": \"\"0-1\"\", \"\"cputune.cpu_shares\"\": 1024}\"\n", sw.toString());
    }

    /** Text of several lines: the host goes before the first, as virsh puts --timestamp there. */
    @Test
    void aHostPrefixesTheFirstLineOfATextOfSeveral() {
        DomainEvent tunable = new DomainEvent.Tunable("2026-12-03T12:00:02.000Z", "tunable", "web",
                "11111111-2222-3333-4444-555555555555", new EventParams(List.of(
                        new TypedParam("cputune.vcpupin0", TypedParam.Type.STRING, "0-1"))));
        StringWriter sw = new StringWriter();
        Output.Stream s = new Output(new PrintWriter(sw), Format.TABLE, false, true).stream(FIRST_KINDS);
        s.emit("a", tunable, EventText.text(tunable, false));
        assertEquals("a: event 'tunable' for domain 'web':\n\tcputune.vcpupin0: 0-1\n", sw.toString());
    }
}
