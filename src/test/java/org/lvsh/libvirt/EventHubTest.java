package org.lvsh.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.lvsh.model.DomainEvent;

/**
 * EventHub on the in-process test driver. test:///default is one host shared by the connections of a process while
 * one is open, so a second connection (the binding's) acts and lvsh's connection sees the events. An event that
 * must not arrive is checked by order: libvirt dispatches events in order on one thread, so once a later event
 * has arrived, an earlier one that was not delivered never will be.
 */
class EventHubTest {
    private static final String URI = "test:///default";
    private static final int SECONDS = 10;

    private Connect actor;
    private Connection watcher;
    private Domain test;

    @BeforeEach
    void open() throws Exception {
        actor = new Connect(URI);
        watcher = Connection.open(URI, false, CredentialPrompter.NEVER, Keepalive.VIRSH_DEFAULT);
        test = actor.domainLookupByName("test");
        runningAgain();
    }

    /**
     * The shared host outlives a test when another connection of the process has it open (other test classes
     * run in this JVM): "test" is brought back to running if it was left stopped or paused, and its event is
     * waited for, so that it cannot reach the next test's watches.
     */
    private void runningAgain() throws Exception {
        DomainInfo.DomainState state = test.getInfo().state;
        if (state == DomainInfo.DomainState.VIR_DOMAIN_RUNNING) {
            return;
        }
        BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
        try (EventHub.Subscription s = watcher.events().watch(EnumSet.of(EventKind.LIFECYCLE), null, queue::offer)) {
            String expected;
            if (state == DomainInfo.DomainState.VIR_DOMAIN_PAUSED) {
                test.resume();
                expected = "test lifecycle Resumed";
            } else {
                test.create();
                expected = "test lifecycle Started";
            }
            // what a test caused just before (another domain undefined) may come first
            String seen;
            do {
                seen = describe(next(queue));
            } while (!seen.equals(expected));
        }
    }

    @AfterEach
    void close() throws Exception {
        try {
            runningAgain(); // as the other tests of this JVM expect it, should they share the host
        } finally {
            watcher.close();
            test.free();
            actor.close();
        }
    }

    private static DomainEvent next(BlockingQueue<DomainEvent> queue) throws InterruptedException {
        DomainEvent e = queue.poll(SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no event within " + SECONDS + " s");
        return e;
    }

    @Test
    void everyKindOfVirshsRegistersOnItsOwn() {
        for (EventKind k : EventKind.values()) {
            try (EventHub.Subscription s = watcher.events().watch(EnumSet.of(k), null, e -> { })) {
                assertNotNull(s, k.virshName());
            }
        }
    }

    @Test
    void lifecycleAndMetadataChangesArriveAsRecords() throws Exception {
        BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
        String uuid = test.getUUIDString();
        try (EventHub.Subscription s = watcher.events().watch(EnumSet.of(EventKind.LIFECYCLE,
                EventKind.METADATA_CHANGE), null, queue::offer)) {
            test.suspend();
            DomainEvent e = next(queue);
            assertEquals(new DomainEvent.Lifecycle(e.timestamp(), "lifecycle", "test", uuid, "Suspended", "Paused"), e);
            test.resume();
            e = next(queue);
            assertEquals(new DomainEvent.Lifecycle(e.timestamp(), "lifecycle", "test", uuid, "Resumed", "Unpaused"), e);
            test.setMetadata(0, "a description", null, null, 0);
            e = next(queue);
            assertEquals(new DomainEvent.MetadataChange(e.timestamp(), "metadata-change", "test", uuid, "description",
                    null), e);
            test.setMetadata(2, "<v>1</v>", "lvsh", "http://example.org/lvsh", 0);
            e = next(queue);
            assertEquals(new DomainEvent.MetadataChange(e.timestamp(), "metadata-change", "test", uuid, "element",
                    "http://example.org/lvsh"), e);
            assertTrue(e.timestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), e.timestamp());
            test.destroy();
            e = next(queue);
            assertEquals(new DomainEvent.Lifecycle(e.timestamp(), "lifecycle", "test", uuid, "Stopped", "Destroyed"),
                    e);
        }
    }

    @Test
    void aWatchOfOneKindOrOneDomainGetsOnlyThose() throws Exception {
        BlockingQueue<DomainEvent> metadata = new LinkedBlockingQueue<>();
        BlockingQueue<DomainEvent> mine = new LinkedBlockingQueue<>();
        BlockingQueue<DomainEvent> all = new LinkedBlockingQueue<>();
        String otherXml = test.getXMLDesc(0).replaceAll("<uuid>.*</uuid>", "")
                .replace("<name>test</name>", "<name>other</name>");
        Domain other = null;
        try (EventHub.Subscription a = watcher.events().watch(EnumSet.of(EventKind.METADATA_CHANGE), null,
                metadata::offer);
             EventHub.Subscription b = watcher.events().watch(EnumSet.allOf(EventKind.class), test.getUUIDString(),
                     mine::offer);
             EventHub.Subscription c = watcher.events().watch(EnumSet.allOf(EventKind.class), null, all::offer)) {
            other = actor.domainDefineXML(otherXml);
            other.setMetadata(1, "other's title", null, null, 0);
            test.suspend();
            test.setMetadata(1, "test's title", null, null, 0);
            assertEquals("other metadata-change title", describe(next(metadata)));
            assertEquals("test metadata-change title", describe(next(metadata)));
            assertEquals("test lifecycle Suspended", describe(next(mine)));
            assertEquals("test metadata-change title", describe(next(mine)));
            for (String expected : new String[] {"other lifecycle Defined", "other metadata-change title",
                "test lifecycle Suspended", "test metadata-change title"}) {
                assertEquals(expected, describe(next(all)));
            }
            // every event was dispatched before the last one: nothing else came, nor will
            assertEquals(0, metadata.size() + mine.size() + all.size());
        } finally {
            if (other != null) {
                other.undefine();
                other.free();
            }
        }
    }

    @Test
    void anUnwatchedKindIsNoLongerDelivered() throws Exception {
        BlockingQueue<DomainEvent> lifecycle = new LinkedBlockingQueue<>();
        BlockingQueue<DomainEvent> metadata = new LinkedBlockingQueue<>();
        EventHub.Subscription first = watcher.events().watch(EnumSet.of(EventKind.LIFECYCLE), null, lifecycle::offer);
        test.suspend();
        assertEquals("test lifecycle Suspended", describe(next(lifecycle)));
        first.close();
        first.close(); // twice is harmless
        try (EventHub.Subscription s = watcher.events().watch(EnumSet.of(EventKind.METADATA_CHANGE), null,
                metadata::offer)) {
            test.resume();
            test.setMetadata(0, "after", null, null, 0);
            assertEquals("test metadata-change description", describe(next(metadata)));
            assertEquals(0, lifecycle.size(), "the resume came before the metadata change, and was not delivered");
        }
    }

    private static String describe(DomainEvent e) {
        String what = e instanceof DomainEvent.Lifecycle l ? l.type()
                : e instanceof DomainEvent.MetadataChange m ? m.type() : e.getClass().getSimpleName();
        return e.domain() + " " + e.event() + " " + what;
    }
}
