package org.lvsh.libvirt.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lvsh.libvirt.CredentialPrompter;

/**
 * lvsh's virConnectAuth callback. The binding's own callback hands libvirt JNA-owned strings (libvirt frees
 * them: a double free) and its default implementation echoes passwords on stdout; this one writes answers in
 * malloc'd memory that libvirt takes over, and asks through a {@link CredentialPrompter}. It is a callback type
 * of lvsh's own: JNA initializes the library interface a callback type is declared in, and the binding's is
 * its proxy of some 400 functions (30-60 ms before the first connection could open).
 */
public final class AuthCallback implements Virt.AuthFunc {
    // virConnectCredentialType
    private static final int CRED_AUTHNAME = 2;
    private static final int CRED_ECHOPROMPT = 6;
    private static final int CRED_NOECHOPROMPT = 7;
    private static final int CRED_REALM = 8;
    private static final int CRED_PASSPHRASE = 5;
    private static final int CRED_EXTERNAL = 9;

    // virConnectCredential: int type; char *prompt, *challenge, *defresult, *result; unsigned int resultlen;
    private static final int P = Native.POINTER_SIZE;
    private static final int PROMPT = P;
    private static final int DEFRESULT = 3 * P;
    private static final int RESULT = 4 * P;
    private static final int RESULTLEN = 5 * P;
    private static final int SIZE = 6 * P;

    private final CredentialPrompter prompter;
    private volatile boolean noTerminal;
    private volatile boolean asked;

    public AuthCallback(CredentialPrompter prompter) {
        this.prompter = prompter;
    }

    /**
     * The credential types offered to libvirt: virsh's set. Not USERNAME: offering it makes SASL ask for an
     * authorization name as well, a question no auth file answers.
     */
    int[] credentialTypes() {
        return new int[] {CRED_AUTHNAME, CRED_ECHOPROMPT, CRED_REALM, CRED_PASSPHRASE, CRED_NOECHOPROMPT,
            CRED_EXTERNAL};
    }

    /** True when libvirt wanted credentials and there was no terminal to ask on. */
    public boolean lackedTerminal() {
        return noTerminal;
    }

    /** True when the person was asked at least once (so a failure is most likely a wrong answer). */
    public boolean prompted() {
        return asked;
    }

    @Override
    public int invoke(Pointer base, int ncred, Pointer cbdata) {
        for (int i = 0; i < ncred; i++) {
            Pointer c = base.share((long) i * SIZE);
            int type = c.getInt(0);
            if (type == CRED_EXTERNAL) {
                continue; // polkit and friends: nothing to type
            }
            char[] answer;
            try {
                asked = true;
                answer = prompter.ask(promptFor(c), echoes(type));
            } catch (CredentialPrompter.NoTerminalException e) {
                noTerminal = true;
                return -1;
            } catch (RuntimeException e) {
                return -1; // never let an exception cross back into libvirt
            }
            if (answer == null) {
                return -1;
            }
            if (answer.length == 0 && c.getPointer(DEFRESULT) != null) {
                answer = c.getPointer(DEFRESULT).getString(0, "UTF-8").toCharArray();
            }
            store(c, answer);
        }
        return 0;
    }

    private static String promptFor(Pointer c) {
        Pointer prompt = c.getPointer(PROMPT);
        String text = prompt == null ? "Credential" : prompt.getString(0, "UTF-8");
        Pointer def = c.getPointer(DEFRESULT);
        return def == null ? text : text + " [" + def.getString(0, "UTF-8") + "]";
    }

    private static boolean echoes(int type) {
        return type != CRED_PASSPHRASE && type != CRED_NOECHOPROMPT;
    }

    /** libvirt frees result itself, so it must come from malloc; the Java copies are wiped at once. */
    private static void store(Pointer c, char[] answer) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(answer));
        Arrays.fill(answer, '\0');
        int len = bytes.remaining();
        long mem = Native.malloc(len + 1L);
        Pointer p = new Pointer(mem);
        for (int i = 0; i < len; i++) {
            p.setByte(i, bytes.get(bytes.position() + i));
        }
        p.setByte(len, (byte) 0);
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        c.setPointer(RESULT, p);
        c.setInt(RESULTLEN, len);
    }
}
