package org.lvsh.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;

/** A connection opened ahead of time is used only if it is still the one the session wants. */
class SessionOfferTest {
    private static final String DEMO = "test:///default";

    @TempDir
    Path dir;

    private static CompletableFuture<Connection> opened(String uri) {
        return CompletableFuture.completedFuture(
                Session.openConnection(uri, false, CredentialPrompter.NEVER, Keepalive.VIRSH_DEFAULT));
    }

    @Test
    void theOfferedConnectionIsTakenWhenItMatches() {
        CompletableFuture<Connection> offered = opened(DEMO);
        try (Session s = new Session(DEMO, false, Keepalive.VIRSH_DEFAULT, CredentialPrompter.NEVER)) {
            s.offer(DEMO, false, offered);
            assertSame(offered.join(), s.connection());
        }
        assertThrows(IllegalStateException.class, () -> Host.nodeInfo(offered.join()), "closed with the session");
    }

    @Test
    void aRetargetedSessionOpensItsOwnAndClosesTheOffer() throws Exception {
        String node = NodeXml.host().domain("vm1", NodeXml.State.RUNNING).write(dir, "node.xml");
        CompletableFuture<Connection> offered = opened(DEMO);
        try (Session s = new Session(DEMO, false, Keepalive.VIRSH_DEFAULT, CredentialPrompter.NEVER)) {
            s.offer(DEMO, false, offered);
            s.retarget(node, false, Keepalive.VIRSH_DEFAULT);
            assertEquals(node, s.connection().uri());
            assertThrows(IllegalStateException.class, () -> Host.nodeInfo(offered.join()), "the offer is closed");
        }
    }

    @Test
    void aReadOnlyMismatchIsNotTaken() {
        CompletableFuture<Connection> offered = opened(DEMO);
        try (Session s = new Session(DEMO, true, Keepalive.VIRSH_DEFAULT, CredentialPrompter.NEVER)) {
            s.offer(DEMO, false, offered);
            Connection c = s.connection();
            assertEquals(true, c.readOnly());
            assertThrows(IllegalStateException.class, () -> Host.nodeInfo(offered.join()));
        }
    }
}
