package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** -o yaml|csv|name, --no-headers, --sort-by and --columns: the same records as JSON, other renderings. */
class OutputFormatsTest {
    @TempDir
    static Path dir;
    static String uri;

    @BeforeAll
    static void host() {
        uri = NodeXml.host()
                .domain("web", State.RUNNING, false, "Front end", false)
                .domain("db", State.PAUSED)
                .domain("my vm", State.SHUTOFF)
                .domain("Alpha", State.SHUTOFF, false, null, true)
                .write(dir, "node.xml");
    }

    private static String out(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = uri;
        System.arraycopy(args, 0, all, 2, args.length);
        Result r = Run.lvsh(all);
        assertEquals(0, r.status(), r.err());
        return r.out();
    }

    @Test
    void yaml() {
        assertEquals("""
                - id: 1
                  name: web
                  uuid: 11111111-2222-3333-4444-000000000001
                  state: running
                  persistent: true
                  autostart: false
                """, out("list", "-o", "yaml", "--state-running"));
    }

    @Test
    void csv() {
        assertEquals("""
                id,name,uuid,state,persistent,autostart
                1,web,"11111111-2222-3333-4444-000000000001",running,true,false
                2,db,"11111111-2222-3333-4444-000000000002",paused,true,false
                ,Alpha,"11111111-2222-3333-4444-000000000004",shutoff,true,false
                ,"my vm","11111111-2222-3333-4444-000000000003",shutoff,true,false
                """, out("list", "--all", "-o", "csv"));
        assertEquals("cpu_model,cpus,mhz,sockets,cores_per_socket,threads_per_core,numa_cells,memory_kib\n"
                + "x86_64,32,2600,2,4,2,2,16777216\n", out("nodeinfo", "-o", "csv"));
    }

    @Test
    void names() {
        assertEquals("web\ndb\nAlpha\nmy vm\n", out("list", "--all", "-o", "name"));
        assertEquals("db\n", out("dominfo", "2", "-o", "name"));
    }

    @Test
    void columnsSortAndHeaders() {
        assertEquals("""
                 Name    State      Persistent   Managed save   Title
                -----------------------------------------------------------
                 Alpha   shut off   yes          yes           \s
                 db      paused     yes          no            \s
                 my vm   shut off   yes          no            \s
                 web     running    yes          no             Front end

                """, out("list", "--all", "--columns", "name,state,persistent,managed-save,title", "--sort-by",
                "name"));
        assertEquals("""
                 2   db
                 1   web

                """, out("list", "--no-headers", "--columns", "id,name", "--sort-by", "name"));
    }

    @Test
    void globalOutputOptionApplies() {
        assertEquals("web\ndb\n", Run.lvsh("-o", "name", "-c", uri, "list").out());
    }

    @Test
    void unknownColumnIsAUsageError() {
        Result r = Run.lvsh("-c", uri, "list", "--columns", "name,size");
        assertEquals(2, r.status());
        assertEquals("error: unknown column 'size' (expected id, name, state, uuid, persistent, autostart, "
                + "managed-save or title)\n", r.err());
    }

    @Test
    void quietAfterTheCommandIsTheSameAsBefore() {
        String table = Run.virsh("-q", "-c", uri, "list").out();
        assertEquals(" 1   web   running\n 2   db    paused\n", table);
        assertEquals(table, Run.lvsh("-q", "-c", uri, "list").out());
        assertEquals(table, out("list", "-q"));
        assertEquals("web\ndb\n", out("list", "--name", "--quiet"));
        assertEquals("web\ndb\n\n", out("list", "--name"));
    }
}
