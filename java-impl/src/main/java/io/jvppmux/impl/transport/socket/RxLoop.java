package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.VppTransportException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The body of the receive thread: registers ({@code sockclnt_create}) with the socket still blocking, turns it
 * non-blocking, then reads whenever no other thread does ({@link ReaderRole}): it takes the role when it has been
 * free for {@link ReaderRole#IDLE_GRACE_NANOS} (events, and replies nobody waits for, are read within that), and
 * gives it up when a thread waiting for its reply asks. A frame longer than max-message-size is a corrupt stream
 * (never allocated); EOF or a reset ends the connection at once, whoever reads.
 */
final class RxLoop implements Runnable {
    private final SocketConnection c;
    private final String clientName;

    RxLoop(SocketConnection c, String clientName) {
        this.c = c;
        this.clientName = clientName;
    }

    @Override
    public void run() {
        try {
            if (register()) {
                receive();
            }
        } finally {
            c.readerDone.countDown();
        }
    }

    private boolean register() {
        ByteBuffer reply = null;
        try {
            c.write(Handshake.request(clientName));
            reply = c.frames.next();
            if (reply == null) {
                throw new VppTransportException("VPP at " + c.path + " closed the socket during the handshake");
            }
            Handshake.Registration r = Handshake.parseReply(reply, reply.limit(), c.path.toString());
            c.goNonBlocking();
            c.registration.complete(r);
            return true;
        } catch (IOException | RuntimeException e) {
            c.closedUnanswered = reply == null && !c.disconnecting;
            c.registration.completeExceptionally(e instanceof VppTransportException ? e
                    : new VppTransportException("handshake with VPP at " + c.path + " failed: " + e.getMessage(), e));
            return false;
        }
    }

    private void receive() {
        ReaderRole role = c.role;
        boolean alive = true;
        while (alive) {
            if (role.tryTake()) {
                role.handoffWanted = false;
                try {
                    do {
                        alive = c.readOnce(0);
                    } while (alive && !role.handoffWanted);
                } finally {
                    role.release();
                }
            }
            alive = alive && idle(role);
        }
    }

    /** Waits while another thread reads, or one read less than the grace ago; false once the connection ended. */
    private boolean idle(ReaderRole role) {
        while (c.alive()) {
            if (role.holder() == null) {
                long since = role.sinceRelease();
                if (since >= ReaderRole.IDLE_GRACE_NANOS) {
                    return true;
                }
                LockSupport.parkNanos(ReaderRole.IDLE_GRACE_NANOS - since);
            } else {
                LockSupport.parkNanos(ReaderRole.IDLE_GRACE_NANOS);
            }
        }
        return false;
    }
}
