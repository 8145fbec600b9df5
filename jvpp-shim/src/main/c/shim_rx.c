/*
 * The receive side: each message is copied once, from VPP's memory into the direct buffer that
 * ShimReceiver.claim returns (a slot of the mux's ring), then published. No pointer into VPP's memory
 * outlives the call; nothing is looked up per message (the method ids come from JNI_OnLoad).
 *
 * Receive mode: libvppapiclient's callback, on its own rx pthread, attached to the JVM ONCE as a
 * daemon thread named jvppmux-shm-rx and detached by the pthread key destructor when the thread ends
 * (vac ends it with pthread_exit, or pthread_cancel after 5 s: docs/PROTOCOL.md 2.4, 2.10). Measured against
 * vac_read from a Java thread (read0, still selectable: -Djvppmux.shm.rxMode=read) with ShimRxModeBench,
 * through the test libvppapiclient and mock-vpp, 2 shared cores, medians of 3, two runs:
 *     callback  sync 15,867 / 13,219 round trips/s   pipelined  90,798 /  89,718 msgs/s
 *     vac_read  sync 15,375 / 16,115 round trips/s   pipelined 100,261 / 100,396 msgs/s
 * Sync is within noise; vac_read is ~10% ahead pipelined here, where both read a socket. Callback is the
 * default anyway, because what decides on a real VPP is not in that number:
 *  - vac_read waits in whole seconds and its timeout is a message a timer thread puts into the same
 *    queue, so a reply racing the timer leaves a spurious VAC_TIMEOUT behind (docs/PROTOCOL.md 2.6), and
 *    VAC_TIMEOUT also stands for "internal message"; every disconnect waits up to a second for the reader;
 *  - with the callback, libvppapiclient's rx thread dequeues and vac_disconnect stops it (2.10): the
 *    library's own design; the JNI attach it costs is paid once per connection, not per message;
 *  - on a live VPP the transport is bounded elsewhere: 277 sync round trips/s by VPP's sleeping main loop,
 *    195,297/s pipelined from C (docs/PROTOCOL.md, "Verified on a live VPP"), both far from either mode's cost.
 */
#include <string.h>
#include "shim.h"

static JNIEnv *rx_env(void)
{
    JNIEnv *env = pthread_getspecific(shim.env_key);
    if (env != NULL) {
        return env;
    }
    JavaVMAttachArgs args = {JNI_VERSION_1_8, (char *) SHIM_RX_THREAD_NAME, NULL};
    if ((*shim.vm)->AttachCurrentThreadAsDaemon(shim.vm, (void **) &env, &args) != JNI_OK) {
        return NULL;
    }
    if (pthread_setspecific(shim.env_key, env) != 0) {
        (*shim.vm)->DetachCurrentThread(shim.vm);
        return NULL;
    }
    return env;
}

/* Destructor of env_key: runs on the rx thread as it ends. */
void shim_rx_detach(void *env)
{
    (void) env;
    (*shim.vm)->DetachCurrentThread(shim.vm);
}

static jint copy_into(JNIEnv *env, jobject buf, const unsigned char *data, int len)
{
    if (buf == NULL) {
        return 0;
    }
    void *dst = (*env)->GetDirectBufferAddress(env, buf);
    jlong cap = (*env)->GetDirectBufferCapacity(env, buf);
    if (dst == NULL || cap < len) {
        return 0;
    }
    memcpy(dst, data, (size_t) len);
    return len;
}

/*
 * Claims a slot, copies, frees VPP's buffer (to_free, vac_read mode; NULL in callback mode where vac
 * frees it after the callback returns), then publishes. ShimReceiver never throws; an exception here
 * would be a VM error, cleared so that the rx thread survives.
 */
void shim_deliver(JNIEnv *env, jobject receiver, const unsigned char *data, int len, void *to_free)
{
    jobject buf = (*env)->CallObjectMethod(env, receiver, shim.claim, (jint) len);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        buf = NULL;
    }
    jint copied = copy_into(env, buf, data, len);
    if (to_free != NULL) {
        shim.vac.free(to_free);
    }
    if (buf == NULL) {
        return; /* nothing claimed: the receiver is closed or the sink refused the message */
    }
    (*env)->DeleteLocalRef(env, buf);
    (*env)->CallVoidMethod(env, receiver, shim.publish, copied);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
    }
}

/* libvppapiclient's callback, on its rx thread; vac frees data when this returns. */
void shim_rx_callback(unsigned char *data, int len)
{
    if (!atomic_load(&shim.rx_enabled) || len < 0) {
        return;
    }
    JNIEnv *env = rx_env();
    if (env == NULL) {
        return; /* the JVM is going away: nobody is left to deliver to */
    }
    shim_deliver(env, shim.receiver, data, len, NULL);
}
