package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.Message;
import io.jvppmux.api.Request;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The soak's mixed traffic: callers on channels of their own (sync calls, pipelined windows of
 * {@code control_ping}, {@code sw_interface_dump}), one thread opening and closing channels, one subscribed to
 * interface events that makes them (a loopback created, set up and down, deleted). Every request goes through
 * the {@link SoakTally}. After a failure a thread pauses 20 ms: no spinning while VPP is away.
 */
final class SoakTraffic {
    private static final int WINDOW = 8;
    private static final Duration JOIN = Duration.ofSeconds(15);

    private final VppMux mux;
    private final SoakTally tally;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;

    SoakTraffic(VppMux mux, SoakTally tally) {
        this.mux = mux;
        this.tally = tally;
    }

    /** Starts {@code callers} callers, the channel churner and the event thread. */
    void start(int callers, long seed) {
        for (int i = 0; i < callers; i++) {
            Random rnd = new Random(seed + i);
            start("soak-caller-" + i, () -> caller(rnd));
        }
        start("soak-channels", this::churn);
        start("soak-events", this::events);
    }

    /** Stops every thread; returns how many did not end within 15 s (their requests stay lost). */
    int stop() throws InterruptedException {
        stop = true;
        long deadline = System.nanoTime() + JOIN.toNanos();
        int hung = 0;
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            hung += t.isAlive() ? 1 : 0;
        }
        return hung;
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void caller(Random rnd) {
        try (ApiChannel ch = mux.newApiChannel()) {
            while (!stop) {
                boolean ok = switch (rnd.nextInt(4)) {
                    case 0 -> call(ch, ControlPing::new);
                    case 1 -> call(ch, ShowVersion::new);
                    case 2 -> dump(ch);
                    default -> window(ch);
                };
                pauseUnless(ok);
            }
        }
    }

    private void churn() {
        while (!stop) {
            boolean ok;
            try (ApiChannel ch = mux.newApiChannel()) {
                ok = call(ch, ControlPing::new);
            }
            tally.channelCycled();
            pauseUnless(ok);
        }
    }

    private void events() {
        try (ApiChannel ch = mux.newApiChannel();
             Subscription<SwInterfaceEvent> sub = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1024)) {
            boolean subscribed = false;
            while (!stop) {
                if (!subscribed) {
                    subscribed = call(ch, () -> new WantInterfaceEvents().enableDisable(1)
                            .pid(ProcessHandle.current().pid()));
                }
                boolean ok = subscribed && loopbackUpDown(ch);
                for (SwInterfaceEvent e = sub.poll(Duration.ZERO); e != null; e = sub.poll(Duration.ZERO)) {
                    tally.event();
                }
                pauseUnless(ok);
            }
        }
    }

    /** A loopback created, set admin up, down, and deleted: events for the subscriber. */
    private boolean loopbackUpDown(ApiChannel ch) {
        long[] index = {-1};
        boolean ok = send(ch, new CreateLoopback(), r -> index[0] = r.swIfIndex());
        if (!ok) {
            return false;
        }
        ok = call(ch, () -> new SwInterfaceSetFlags().swIfIndex(index[0]).flags(EnumSet.of(IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP)))
                && call(ch, () -> new SwInterfaceSetFlags().swIfIndex(index[0]).flags(EnumSet.noneOf(IfStatusFlags.class)));
        // a loopback left behind (VPP went away between create and delete) goes with the next restart
        return call(ch, () -> new DeleteLoopback().swIfIndex(index[0])) && ok;
    }

    private boolean call(ApiChannel ch, Supplier<? extends Request<?>> request) {
        return send(ch, request.get(), r -> { });
    }

    private <R extends Message> boolean send(ApiChannel ch, Request<R> request, Consumer<R> onReply) {
        tally.sent(1);
        try {
            onReply.accept(ch.call(request));
            tally.replied();
            return true;
        } catch (RuntimeException e) {
            tally.failed(e);
            return false;
        }
    }

    private boolean dump(ApiChannel ch) {
        tally.sent(1);
        try {
            ch.dump(new SwInterfaceDump());
            tally.replied();
            return true;
        } catch (RuntimeException e) {
            tally.failed(e);
            return false;
        }
    }

    /** {@value #WINDOW} control_pings sent back to back, then their replies received in order. */
    private boolean window(ApiChannel ch) {
        List<RequestContext> sent = new ArrayList<>(WINDOW);
        boolean ok = true;
        for (int i = 0; i < WINDOW && ok; i++) {
            tally.sent(1);
            try {
                sent.add(ch.sendRequest(new ControlPing()));
            } catch (RuntimeException e) {
                tally.failed(e);
                ok = false;
            }
        }
        for (RequestContext c : sent) {
            try {
                c.receiveReply(new ControlPingReply());
                tally.replied();
            } catch (RuntimeException e) {
                tally.failed(e);
                ok = false;
            }
        }
        return ok;
    }

    private static void pauseUnless(boolean ok) {
        if (ok) {
            return;
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
