package io.jvppmux.impl.live;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class a real VPP of its own ({@link VppProcess}), started before its first
 * test from {@link LiveVpp#VPP_HOME} and always stopped after its last, so fault tests (kill, freeze, restart)
 * never disturb the VPP other tests share. Without {@link LiveVpp#VPP_HOME} the class's tests are skipped
 * with the reason (they fail when {@link LiveVpp#REQUIRED} is set).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OwnVpp VPP = new OwnVpp("faults");
 *
 * @Test void survivesACrash() { VPP.get().kill(); VPP.get().restart(); ... }
 * }</pre>
 *
 * A test that leaves VPP stopped or frozen should restart or thaw it; {@link #ensureRunning()} does that.
 */
public final class OwnVpp implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private VppProcess vpp;

    /** @param name a short word (letters and digits) naming the VPP in its shm prefix and run directory */
    public OwnVpp(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        vpp = VppProcess.startFromEnvironment(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vpp != null) {
            VppProcess v = vpp;
            vpp = null;
            v.close();
        }
    }

    /** The class's VPP. */
    public VppProcess get() {
        if (vpp == null) {
            throw new IllegalStateException("OwnVpp '" + name + "' runs only between beforeAll and afterAll");
        }
        return vpp;
    }

    /** Thaws a frozen VPP and restarts a dead one, so the next test finds it answering. */
    public VppProcess ensureRunning() {
        VppProcess v = get();
        if (!v.isAlive()) {
            v.restart();
        } else {
            v.thaw();
        }
        return v;
    }
}
